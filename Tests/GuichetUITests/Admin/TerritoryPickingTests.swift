import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

/// A territory is picked by typing part of a commune, a bassin or a territory name, with the store's best
/// matches first: in the structure form (« Vienne » is the territory of the commune Vienne) and in the
/// dashboard's territory filter (a ZTEF).
@Suite struct TerritoryPickingTests {
  static let vienne = TerritoryMatch(
    territory: Territory(id: 12, name: "Vienne Roussillon"), matchedBy: "commune Vienne", rank: 0,
    source: .commune)
  static let savoie = TerritoryMatch(
    territory: Territory(id: 40, name: "ZTEF Pays de Savoie"), matchedBy: nil, rank: 2)
  static let chambery = TerritoryMatch(
    territory: Territory(id: 7, name: "Chambéry"), matchedBy: "bassin Chambéry", rank: 1,
    source: .bassin)

  /// The structure form with a name typed, the cursor in « Territoires ».
  static func structureForm() -> AppState {
    var app = AdminScreenTests.openAdmin()
    Fixture.send([.char("n"), .tab] + Fixture.chars("ML Vienne"), to: &app)
    Fixture.send(Array(repeating: .tab, count: 6), to: &app)
    #expect(AdminScreenTests.form(app)?.fields.focus == AdminFormScreen.territoriesField)
    return app
  }

  static func found(_ query: String, _ matches: [TerritoryMatch], _ app: inout AppState) {
    _ = App.reduce(&app, .feature(TerritorySearchEvent.found(query: query, matches)))
  }

  @Test func vienneIsTakenAsTheTerritoryOfItsCommune() {
    var app = Self.structureForm()
    let effects = Fixture.send(Fixture.chars("Vienne"), to: &app)
    #expect(effects.last == .feature(TerritorySearchRequest(query: "Vienne")))
    // F2 before the answer: refused, with how to find it rather than the first names in order.
    Fixture.send([.function(2)], to: &app)
    #expect(AdminScreenTests.form(app)?.error?.contains("tapez une partie du nom") == true)
    Self.found("Vienne", [Self.vienne], &app)
    #expect(
      App.render(app).text.contains("Entrée : Vienne Roussillon (commune Vienne)"),
      "\(App.render(app).text)")
    let expected = OperatorStructure(
      kind: OperatorKind.allCases[0], name: "ML Vienne", territoryIDs: [12])
    #expect(Fixture.send([.function(2)], to: &app) == [.admin(.write(.structure(expected)))])
  }

  @Test func aPartMatchingSeveralIsRefusedWithTheBestFirstAndEnterTakesTheFirst() {
    var app = Self.structureForm()
    Fixture.send(Fixture.chars("chambery, sav"), to: &app)
    Self.found("sav", [Self.savoie, Self.chambery], &app)
    Fixture.send([.function(2)], to: &app)
    #expect(
      AdminScreenTests.form(app)?.error
        == "Territoire inconnu « sav » ; Entrée prend le premier de : ZTEF Pays de Savoie, Chambéry (bassin Chambéry)."
    )
    // Entrée takes the first match, a ZTEF the console did not know at its start, and a new part may follow.
    Fixture.send([.enter], to: &app)
    #expect(
      AdminScreenTests.form(app)?.fields.fields[AdminFormScreen.territoriesField].text
        == "chambery, ZTEF Pays de Savoie, ")
    let expected = OperatorStructure(
      kind: OperatorKind.allCases[0], name: "ML Vienne", territoryIDs: [7, 40])
    #expect(Fixture.send([.function(2)], to: &app) == [.admin(.write(.structure(expected)))])
  }

  @Test func anAnswerToAnOlderPartIsDropped() {
    var app = Self.structureForm()
    Fixture.send(Fixture.chars("vie"), to: &app)
    Self.found("vi", [Self.chambery], &app)
    #expect(AdminScreenTests.form(app)?.territoryEntry.search.matches == [])
    Self.found("vie", [Self.vienne], &app)
    #expect(AdminScreenTests.form(app)?.territoryEntry.search.matches == [Self.vienne])
  }

  static func dashboard() -> AppState {
    var app = Fixture.app(as: .supervisor)
    _ = App.reduce(&app, .key(.char("t")))
    guard case .dashboard(let dashboard) = app.top else { return app }
    _ = App.reduce(&app, .supervision(.loaded(DashboardFixture.figures(period: dashboard.period))))
    return app
  }

  static func dashboardState(_ app: AppState) -> DashboardScreen.State? {
    if case .dashboard(let state) = app.top { state } else { nil }
  }

  @Test func theDashboardFiltersOnAZTEFTypedByPartOfItsName() throws {
    var app = Self.dashboard()
    let period = try #require(Self.dashboardState(app)?.period)
    Fixture.send([.char("z")], to: &app)
    #expect(Self.dashboardState(app)?.territoryPicker != nil)
    let effects = Fixture.send(Fixture.chars("sav"), to: &app)
    #expect(effects.last == .feature(TerritorySearchRequest(query: "sav")))
    Self.found("sav", [Self.savoie, Self.chambery], &app)
    #expect(App.render(app).text.contains("ZTEF Pays de Savoie"))
    Fixture.send([.down], to: &app)
    #expect(Self.dashboardState(app)?.territoryPicker?.highlight == 1)
    Fixture.send([.up], to: &app)
    let filter = SupervisionFilter([.territory: "40"])
    #expect(Fixture.send([.enter], to: &app) == [.supervision(.load(period, filter))])
    #expect(Self.dashboardState(app)?.territoryPicker == nil)
    #expect(Self.dashboardState(app)?.filter == filter)
    // Retour arrière removes it like a drilled filter; Échap in the picker gives up without leaving.
    Fixture.send([.backspace], to: &app)
    #expect(Self.dashboardState(app)?.filter == SupervisionFilter())
    Fixture.send([.char("z"), .escape], to: &app)
    #expect(Self.dashboardState(app) != nil && Self.dashboardState(app)?.territoryPicker == nil)
  }
}
