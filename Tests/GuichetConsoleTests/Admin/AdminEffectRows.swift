import Foundation
import GuichetCore
import GuichetUI

@testable import GuichetConsole

extension EffectRow {
  /// The administration screens, and a feature's own request (the territories screen's, on its fake client).
  static let admin: [EffectRow] = [
    EffectRow(
      .admin(.loadStructures), calls: ["admin.structures"],
      answers: { _ in [.admin(.structuresLoaded([FakeData.structure]))] }),
    EffectRow(
      .admin(.loadAdvisors(structureID: 5)), calls: ["admin.advisors"],
      answers: { _ in [.admin(.advisorsLoaded(structureID: 5, [FakeData.advisor]))] }),
    EffectRow(
      .admin(.loadAvailability(advisorID: 3)), calls: ["admin.availability"],
      answers: { data in
        let absence = Absence(
          id: 31, advisorID: 3, startsAt: data.now, endsAt: data.now.addingTimeInterval(86_400))
        return [.admin(.availabilityLoaded(advisorID: 3, [FakeData.rule], [absence]))]
      }),
    EffectRow(
      .admin(.loadRouting), calls: ["admin.routing"],
      answers: { _ in [.admin(.routingLoaded([FakeData.routingRule]))] }),
    EffectRow(
      .admin(.write(.routingRule(FakeData.routingRule))), calls: ["admin.write"],
      answers: { _ in
        [.admin(.written(.routingRule(FakeData.routingRule), message: "Enregistré."))]
      }, refused: { [.admin(.failed($0))] }),
    EffectRow(
      .feature(TerritoriesRequest.rename(territoryID: 7, name: "Chambéry-Aix")), calls: [],
      answers: { _ in [.feature(TerritoriesEvent.written("Territoire renommé.", focus: 7))] },
      refused: { [.feature(TerritoriesEvent.failed($0))] }),
    EffectRow(
      .feature(TerritoriesRequest.searchBassins("chamb")), calls: [],
      matching: { actions, _ in
        guard case .featureEvent(let event) = actions.first,
          case .bassinsFound("chamb", let found)? = event.event(as: TerritoriesEvent.self)
        else { return false }
        return actions.count == 1 && !found.isEmpty
      }),
    // The territory pickers' search (dashboard filter, structure form), a read a read-only file allows.
    EffectRow(
      .feature(TerritorySearchRequest(query: "vienne")), calls: [],
      matching: { actions, _ in
        guard case .featureEvent(let event) = actions.first,
          case .found("vienne", let found)? = event.event(as: TerritorySearchEvent.self)
        else { return false }
        return actions.count == 1 && found.first?.territory.name == "Vienne Roussillon"
      }),
    // The consent texts screen: the versions, and a new one (a write, refused on a read-only file).
    EffectRow(
      .feature(ConsentTextsRequest.load), calls: [],
      matching: { actions, _ in
        guard case .featureEvent(let event) = actions.first,
          case .loaded(let texts)? = event.event(as: ConsentTextsEvent.self)
        else { return false }
        return actions.count == 1 && texts.map(\.version) == [1, 2]
      }),
    EffectRow(
      .feature(
        ConsentTextsRequest.publish(
          body: "Vos coordonnées vont à {structure}.", retentionDays: 60, kind: .cio)),
      calls: [],
      answers: { _ in
        [
          .feature(
            ConsentTextsEvent.published(
              "Version 3 publiée (pour CIO) : elle sera lue dès la prochaine prise de rendez-vous.",
              version: 3))
        ]
      }, refused: { [.feature(ConsentTextsEvent.failed($0))] }),
  ]
}
