import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

/// The territories screen through the app reducer with canned answers: an administrator opens it from
/// home, composes a ZTEF by typing part of a bassin name, renames it and sets its target and the site's
/// announced wait; the store's refusal stays on the form with everything typed; other roles are refused.
@Suite struct TerritoriesScreenTests {
  static let chambery = BassinSummary(code: "8411", name: "Chambéry", communeCount: 61)
  static let annecy = BassinSummary(code: "8407", name: "Annecy", communeCount: 44)
  static let territories = [
    TerritorySummary(id: 7, name: "Chambéry", targetDelayDays: 30, bassins: [chambery]),
    TerritorySummary(
      id: 40, name: "Pays de Savoie", targetDelayDays: 21, bassins: [chambery, annecy]),
  ]
  static let sites = [SiteSummary(id: 1, name: "CIO Chambéry", announcedWaitMinutes: 15)]

  static func open(size: Size = Size(width: 80, height: 24)) -> AppState {
    var app = Fixture.app(size: size, as: .administrator)
    #expect(App.reduce(&app, .key(.char("z"))) == .feature(TerritoriesRequest.load))
    _ = App.reduce(&app, .feature(TerritoriesEvent.loaded(territories, sites: sites)))
    return app
  }

  static func screen(_ app: AppState) throws -> TerritoriesScreen.State {
    try #require(TerritoriesScreen.extract(app.top))
  }

  @Test func theListShowsBassinsCommunesTargetsAndTheSitesWait() throws {
    let app = Self.open()
    let text = App.render(app).text
    #expect(text.contains("Admin · territoires"))
    #expect(text.contains("Pays de Savoie"))
    #expect(text.contains("attente annoncée à CIO Chambéry : 15 min"))
    #expect(text.contains("Bassins de « Chambéry »"))
    #expect(text.contains("8411 Chambéry (61 communes)"))
    #expect(snapshotMismatch(App.render(app), named: "territories-80x24") == nil)
  }

  @Test func aZTEFIsComposedByTypingPartOfABassinName() throws {
    var app = Self.open()
    _ = App.reduce(&app, .key(.char("n")))
    Fixture.send(Fixture.chars("ZTEF Savoie") + [.tab], to: &app)
    let typed = Fixture.send(Fixture.chars("cha"), to: &app)
    #expect(typed.last == .feature(TerritoriesRequest.searchBassins("cha")))
    // A stale answer (for « ch ») is dropped; the one for what is typed is shown.
    _ = App.reduce(
      &app,
      .feature(
        TerritoriesEvent.bassinsFound(
          query: "ch", [BassinMatch(bassin: Self.annecy, matchedBy: nil)])))
    #expect(try Self.screen(app).matches.isEmpty)
    _ = App.reduce(
      &app,
      .feature(
        TerritoriesEvent.bassinsFound(
          query: "cha", [BassinMatch(bassin: Self.chambery, matchedBy: "commune Chambéry")])))
    #expect(App.render(app).text.contains("Chambéry (61 communes) — commune Chambéry"))
    _ = App.reduce(&app, .key(.enter))
    #expect(try Self.screen(app).chosen == [Self.chambery])
    #expect(App.render(app).text.contains("Bassins choisis : Chambéry (61)"))
    #expect(
      App.reduce(&app, .key(.function(2)))
        == .feature(TerritoriesRequest.create(name: "ZTEF Savoie", bassinCodes: ["8411"])))
    // The store's refusal stays on the form, with what was typed and chosen.
    _ = App.reduce(
      &app,
      .feature(TerritoriesEvent.failed(UserError("Un territoire s'appelle déjà « ZTEF Savoie ».")))
    )
    #expect(try Self.screen(app).form == .create)
    #expect(try Self.screen(app).chosen == [Self.chambery])
    #expect(App.render(app).text.contains("s'appelle déjà"))
    #expect(app.message == nil)
    _ = App.reduce(&app, .key(.function(2)))
    let written = App.reduce(
      &app, .feature(TerritoriesEvent.written("Territoire créé.", focus: 41)))
    #expect(written == .feature(TerritoriesRequest.load))
    #expect(app.message == StatusMessage("Territoire créé."))
    #expect(try Self.screen(app).form == nil)
  }

  @Test func backspaceOnAnEmptyBassinFieldRemovesTheLastChosen() throws {
    var app = Self.open()
    _ = App.reduce(&app, .key(.char("n")))
    Fixture.send([.tab] + Fixture.chars("an"), to: &app)
    _ = App.reduce(
      &app,
      .feature(
        TerritoriesEvent.bassinsFound(
          query: "an", [BassinMatch(bassin: Self.annecy, matchedBy: nil)])))
    Fixture.send([.enter], to: &app)
    #expect(try Self.screen(app).chosen == [Self.annecy])
    Fixture.send([.backspace], to: &app)
    #expect(try Self.screen(app).chosen.isEmpty)
    // Échap closes the form, a second one leaves the screen.
    Fixture.send([.escape], to: &app)
    #expect(try Self.screen(app).form == nil)
    Fixture.send([.escape], to: &app)
    #expect(TerritoriesScreen.extract(app.top) == nil)
  }

  @Test func aSearchThatOffersNothingSaysWhy() throws {
    var app = Self.open()
    _ = App.reduce(&app, .key(.char("n")))
    Fixture.send([.tab] + Fixture.chars("cha"), to: &app)
    _ = App.reduce(
      &app,
      .feature(
        TerritoriesEvent.bassinsFound(
          query: "cha", [BassinMatch(bassin: Self.chambery, matchedBy: nil)])))
    Fixture.send([.enter] + Fixture.chars("aix"), to: &app)
    // Aix-les-Bains is in Chambéry, already chosen: the list is empty, and the screen says why.
    _ = App.reduce(
      &app,
      .feature(
        TerritoriesEvent.bassinsFound(
          query: "aix", [BassinMatch(bassin: Self.chambery, matchedBy: "commune Aix-les-Bains")])))
    #expect(try Self.screen(app).matches.isEmpty)
    #expect(App.render(app).text.contains("« aix » : déjà choisi (Chambéry)."))
    // Typing on clears the note until the next answer, which may find nothing at all.
    Fixture.send(Fixture.chars("q"), to: &app)
    #expect(!App.render(app).text.contains("déjà choisi"))
    _ = App.reduce(&app, .feature(TerritoriesEvent.bassinsFound(query: "aixq", [])))
    #expect(
      App.render(app).text.contains(
        "Aucune commune, aucun bassin ni ZTEF ne correspond à « aixq »."))
    #expect(try Self.screen(app).chosen == [Self.chambery])
  }

  @Test func renameTargetAndWaitSendTheValuesTyped() throws {
    var app = Self.open()
    Fixture.send([.down, .char("r"), .ctrl("u")] + Fixture.chars("Savoie Mont-Blanc"), to: &app)
    #expect(
      App.reduce(&app, .key(.function(2)))
        == .feature(TerritoriesRequest.rename(territoryID: 40, name: "Savoie Mont-Blanc")))
    _ = App.reduce(&app, .feature(TerritoriesEvent.written("Territoire renommé.", focus: 40)))
    Fixture.send([.char("d"), .ctrl("u")] + Fixture.chars("abc"), to: &app)
    #expect(App.reduce(&app, .key(.function(2))) == .none)
    #expect(App.render(app).text.contains("nombre de jours"))
    Fixture.send([.ctrl("u")] + Fixture.chars("14"), to: &app)
    #expect(
      App.reduce(&app, .key(.function(2)))
        == .feature(TerritoriesRequest.setTarget(territoryID: 40, days: 14)))
    _ = App.reduce(&app, .feature(TerritoriesEvent.written("Délai cible : 14 jours.", focus: 40)))
    // The current value is replaced by what is typed: « 20 » over « 15 » is 20, not 152.
    Fixture.send([.char("a")] + Fixture.chars("20"), to: &app)
    #expect(
      App.reduce(&app, .key(.function(2)))
        == .feature(TerritoriesRequest.setWait(siteID: 1, minutes: 20)))
  }

  @Test func onlyAdministratorsOpenIt() {
    for role in [Role.agent, .advisor, .supervisor] {
      var app = Fixture.app(as: role)
      _ = App.reduce(&app, .key(.char("z")))
      #expect(TerritoriesScreen.extract(app.top) == nil, "\(role)")
      #expect(App.resolveNavigation(&app, .navigate(.push(.territories))) == .none)
      #expect(TerritoriesScreen.extract(app.top) == nil, "\(role)")
    }
  }
}
