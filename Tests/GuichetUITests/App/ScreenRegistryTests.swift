import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

/// The screen registry (Screens.swift) and the features agree: every route opens a screen whose feature
/// takes it back out unchanged, and no other feature claims it.
@Suite struct ScreenRegistryTests {
  static let visit = Fixture.visit(id: 7, minutesAgo: 5, started: true)
  static let slip = Slip(
    reference: try! BookingReference(parsing: "RDV-7K3M-Q9XP"), startsAt: Fixture.now,
    endsAt: Fixture.now.addingTimeInterval(1800), place: .onSite,
    structure: BookingFixture.structure, advisorName: "Claire Martin")

  static let listed: [Route] = [
    .home, .queue, .todayVisits, .visitForm(visit), .help, .search, .occupation("K1207"),
    .certification("RNCP34826"), .labourNeeds, .structures(focus: nil), .agenda,
    .booking(.recommendation(visit)), .booking(.availability(BookingDraft(visit: visit))),
    .booking(.consent(BookingDraft(visit: visit))), .booking(.contact(BookingDraft(visit: visit))),
    .booking(.slip(slip)), .appointment(.reference(nil)), .admin(.structures),
    .admin(.advisors(BookingFixture.structure)),
    .admin(.availability(Advisor(id: 3, structureID: 5, displayName: "Claire Martin"))),
    .admin(.routing), .admin(.form(.advisor(structureID: 5))), .dashboard, .accounts,
  ]
  /// The routes above and the registry's direct ones (a new screen is entered there, not here).
  static let routes = listed + Route.direct.filter { !listed.contains($0) }

  @Test func everyRouteOpensAScreenItsFeatureTakesBackUnchanged() {
    let app = Fixture.app(as: .administrator)
    var features = Set<String>()
    for route in Self.routes {
      let screen = App.makeScreen(route, state: app)
      func roundTrip<F: ScreenFeature>(_ feature: F.Type) -> Screen? {
        F.extract(screen).map(F.embed)
      }
      #expect(roundTrip(screen.feature) == screen, "\(route)")
      features.insert(String(describing: screen.feature))
    }
    // One feature per kind of screen: no two routes share a feature by mistake.
    #expect(features.count == Self.routes.count)
  }

  @Test func aFeatureDoesNotTakeAnotherFeaturesScreen() {
    let app = Fixture.app(as: .administrator)
    let screens = Self.routes.map { App.makeScreen($0, state: app) }
    for screen in screens {
      func claims<F: ScreenFeature>(_ feature: F.Type) -> Int {
        screens.filter { F.extract($0) != nil }.count
      }
      #expect(claims(screen.feature) == 1, "\(screen.feature)")
    }
  }
}
