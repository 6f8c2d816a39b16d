import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

/// A feature's own request runs against its own client from the registry: the live one when registered,
/// « indisponible » when not (or the fake one for the fuzzer), errors through `AppAction.failure`, and a
/// write refused as the feature says.
@Suite struct FeatureRequestTests {
  static let now = Fixture.now

  @Test func aRegisteredClientAnswersAndAnUnregisteredOneIsUnavailable() {
    var clients = FeatureClients()
    let request = AnyFeatureRequest(TerritoriesRequest.searchBassins("cham"))
    #expect(
      request.run(clients, now: Self.now)
        == .feature(
          TerritoriesEvent.failed(UserError("Administration des territoires indisponible."))))
    var live = TerritoriesClient.unavailable
    live.bassins = { query in
      [
        BassinMatch(
          bassin: BassinSummary(code: "8411", name: query, communeCount: 1), matchedBy: nil)
      ]
    }
    clients[TerritoriesClient.self] = live
    #expect(
      request.run(clients, now: Self.now)
        == .feature(
          TerritoriesEvent.bassinsFound(
            query: "cham",
            [
              BassinMatch(
                bassin: BassinSummary(code: "8411", name: "cham", communeCount: 1), matchedBy: nil)
            ])))
    let fakes = FeatureClients(fakes: true)
    guard case .featureEvent(let event) = request.run(fakes, now: Self.now),
      case .bassinsFound(_, let matches)? = event.event(as: TerritoriesEvent.self)
    else {
      Issue.record("the fake client should answer")
      return
    }
    #expect(matches.map(\.bassin.code) == ["8411"])
  }

  @Test func aStaleAccountEndsTheSessionWhateverFeatureAsked() {
    var clients = FeatureClients()
    var client = TerritoriesClient.unavailable
    client.territories = { throw UserError.accountNoLongerValid }
    clients[TerritoriesClient.self] = client
    #expect(
      AnyFeatureRequest(TerritoriesRequest.load).run(clients, now: Self.now)
        == .session(.accountNoLongerValid(.accountNoLongerValid)))
  }

  @Test func writesSayTheyWriteAndAreRefusedTheFeaturesWay() {
    #expect(!AnyFeatureRequest(TerritoriesRequest.load).writes)
    #expect(!AnyFeatureRequest(TerritoriesRequest.searchBassins("a")).writes)
    let write = AnyFeatureRequest(TerritoriesRequest.setWait(siteID: 1, minutes: 5))
    #expect(write.writes)
    let error = UserError("Lecture seule.")
    #expect(write.refused(error) == .feature(TerritoriesEvent.failed(error)))
    #expect(write != AnyFeatureRequest(TerritoriesRequest.setWait(siteID: 1, minutes: 6)))
    #expect(write == AnyFeatureRequest(TerritoriesRequest.setWait(siteID: 1, minutes: 5)))
  }

  @Test func anErrorOfAFeatureShowsOnTheStatusLineUnlessItsFormShowsIt() {
    var app = TerritoriesScreenTests.open()
    _ = App.reduce(&app, .feature(TerritoriesEvent.failed(UserError("Base occupée."))))
    #expect(app.message == StatusMessage("Base occupée.", isError: true))
  }
}
