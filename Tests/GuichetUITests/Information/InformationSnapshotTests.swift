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
}
