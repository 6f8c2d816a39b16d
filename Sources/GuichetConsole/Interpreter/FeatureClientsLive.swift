import GuichetCore
import GuichetStore
import GuichetUI

extension FeatureClients {
  /// The live client of every feature that brings its own (`FeatureRequest`): one line per feature.
  static func live(_ database: AppDatabase, session: SessionCaller) -> FeatureClients {
    var clients = FeatureClients()
    clients[TerritoriesClient.self] = .live(database, session: session)
    clients[TerritorySearchClient.self] = .live(database)
    clients[ConsentTextsClient.self] = .live(database, session: session)
    clients[FormationsClient.self] = .live(database)
    return clients
  }
}
