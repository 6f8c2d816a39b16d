import Foundation
import GuichetCore
import GuichetStore
import GuichetUI

extension TerritoriesClient {
  /// The store calls of the territories screen, as the signed-in account.
  static func live(_ database: AppDatabase, session: SessionCaller) -> TerritoriesClient {
    TerritoriesClient(
      territories: { try database.territorySummaries(by: session.current()) },
      sites: { try database.siteSummaries(by: session.current()) },
      bassins: { try database.bassins(matching: $0, limit: 12, by: session.current()) },
      create: {
        try database.createTerritory(name: $0, bassinCodes: $1, by: session.current(), at: $2)
      },
      rename: { try database.renameTerritory(id: $0, to: $1, by: session.current(), at: $2) },
      setTarget: {
        try database.setTargetDelay(days: $1, territoryID: $0, by: session.current(), at: $2)
      },
      setWait: {
        try database.setAnnouncedWait(minutes: $1, siteID: $0, by: session.current(), at: $2)
      })
  }
}

extension TerritorySearchClient {
  /// The territory pickers' search; territory names are not personal, so no account is checked.
  static func live(_ database: AppDatabase) -> TerritorySearchClient {
    TerritorySearchClient { try database.territories(matching: $0, limit: 12) }
  }
}
