import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

/// The métier fiche and the other information screens drawn at 80×24 and a wide size.
@Suite struct InformationSnapshotTests {
  static func ficheApp(size: Size) -> AppState {
    var app = Fixture.app(size: size)
    _ = App.reduce(&app, .key(.char("r")))
    Fixture.send(Fixture.chars("educ spe"), to: &app)
    _ = App.reduce(&app, .referenceFound(InformationScreenTests.results))
    _ = App.reduce(&app, .key(.enter))
    _ = App.reduce(&app, .occupationLoaded(code: "K1207", InformationFixture.educator))
    return app
  }

  @Test(arguments: [(80, 24, "occupation-80x24"), (160, 48, "occupation-160x48")])
  func occupation(width: Int, height: Int, name: String) {
    let canvas = App.render(Self.ficheApp(size: Size(width: width, height: height)))
    #expect(canvas.text.contains("Éducateur spécialisé · Éducatrice spécialisée"))
    #expect(canvas.text.contains("Source : France Travail – ROME 4.0 (v4.60)"))
    if let mismatch = snapshotMismatch(canvas, named: name) {
      Issue.record(Comment(rawValue: mismatch))
    }
  }

  @Test func occupationScrolledToTheSalary() {
    var app = Self.ficheApp(size: Size(width: 80, height: 24))
    Fixture.send([.pageDown], to: &app)
    let canvas = App.render(app)
    #expect(canvas.text.contains("1 800 €"))
    if let mismatch = snapshotMismatch(canvas, named: "occupation-scrolled-80x24") {
      Issue.record(Comment(rawValue: mismatch))
    }
  }

  @Test func searchResults() {
    var app = Fixture.app()
    _ = App.reduce(&app, .key(.char("r")))
    Fixture.send(Fixture.chars("educ spe"), to: &app)
    _ = App.reduce(&app, .referenceFound(InformationScreenTests.results))
    if let mismatch = snapshotMismatch(App.render(app), named: "search-80x24") {
      Issue.record(Comment(rawValue: mismatch))
    }
  }

  @Test func labourNeeds() {
    var app = Fixture.app()
    var visit = Fixture.visit(id: 9, minutesAgo: 5, started: true)
    visit.territoryID = 7
    _ = App.reduce(&app, .serviceStarted(visit))
    Fixture.send([.function(4), .function(5)], to: &app)
    _ = App.reduce(&app, .labourNeedsLoaded(territoryID: 7, InformationFixture.needs))
    let canvas = App.render(app)
    #expect(canvas.text.contains("secret"))
    if let mismatch = snapshotMismatch(canvas, named: "labour-needs-80x24") {
      Issue.record(Comment(rawValue: mismatch))
    }
  }

  /// A fiche opened on the app and scrolled to its débouchés with D.
  static func debouches(_ hit: ReferenceHit, loaded: AppAction) -> Canvas {
    var app = opened(hit, loaded: loaded)
    Fixture.send([.char("d")], to: &app)
    return App.render(app)
  }

  /// The fiche of a search hit, opened from the search screen as an agent does.
  static func opened(_ hit: ReferenceHit, loaded: AppAction) -> AppState {
    var app = Fixture.app()
    Fixture.send([.char("r")] + Fixture.chars("x"), to: &app)
    _ = App.reduce(&app, .referenceFound(ReferenceResults(query: "x", hits: [hit])))
    _ = App.reduce(&app, .key(.enter))
    _ = App.reduce(&app, loaded)
    return app
  }

  static let deasHit = ReferenceHit(
    kind: .certification, code: "RNCP4495", title: "Diplôme d'Etat d'aide-soignant")

  /// The débouchés section of each fiche after D: apprenticeship only (DEAS), both voies with secrets (CAP
  /// Cuisine), and a métier listing its certifications' figures.
  @Test(arguments: [
    (
      "certification-debouches-80x24", Self.deasHit,
      AppAction.certificationLoaded(code: "RNCP4495", InformationFixture.deas),
      "Voie scolaire : aucun chiffre publié."
    ),
    (
      "certification-cap-debouches-80x24",
      ReferenceHit(kind: .certification, code: "RNCP26650", title: "Cuisine"),
      AppAction.certificationLoaded(code: "RNCP26650", InformationFixture.capCuisine),
      "En emploi à 6 mois : secret"
    ),
    (
      "occupation-debouches-80x24",
      ReferenceHit(kind: .occupation, code: "J1501", title: "Aide-soignant / Aide-soignante"),
      AppAction.occupationLoaded(code: "J1501", InformationFixture.aideSoignant),
      "RNCP4495   Diplôme d'Etat d'aide-soignant"
    ),
  ])
  func debouchesSection(name: String, hit: ReferenceHit, loaded: AppAction, shown: String) {
    let canvas = Self.debouches(hit, loaded: loaded)
    #expect(canvas.text.contains("Débouchés (InserJeunes, Auvergne-Rhône-Alpes)"))
    #expect(canvas.text.contains(shown))
    if let mismatch = snapshotMismatch(canvas, named: name) {
      Issue.record(Comment(rawValue: mismatch))
    }
  }

  @Test func certificationTop() {
    let canvas = App.render(
      Self.opened(
        Self.deasHit, loaded: .certificationLoaded(code: "RNCP4495", InformationFixture.deas)))
    #expect(canvas.text.contains("expirée le 01/01/2024"))
    if let mismatch = snapshotMismatch(canvas, named: "certification-80x24") {
      Issue.record(Comment(rawValue: mismatch))
    }
  }
}
