import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

/// The consent texts screen through the app reducer: administrators open it from home (K), see every
/// version per kind with the one each kind reads now, and publish a new one for all kinds or one kind; a
/// text without {structure} is refused on the form with nothing sent; other roles may not open it.
@Suite struct ConsentTextsScreenTests {
  static let texts = try! ConsentTextsClient.fake.texts()

  static func state(_ app: AppState) -> ConsentTextsScreen.State? {
    if case .consentTexts(let state) = app.top { state } else { nil }
  }

  static func open() -> AppState {
    var app = Fixture.app(size: Size(width: 100, height: 30), as: .administrator)
    #expect(Fixture.send([.char("k")], to: &app) == [.feature(ConsentTextsRequest.load)])
    _ = App.reduce(&app, .feature(ConsentTextsEvent.loaded(texts)))
    return app
  }

  @Test func theVersionsAreListedPerKindWithTheOneEachKindReads() {
    let app = Self.open()
    let screen = App.render(app).text
    #expect(screen.contains("rendez-vous : v2 : CIO · v1 : les autres types"), "\(screen)")
    #expect(screen.contains("v1 · toutes les structures · 90 j"))
    #expect(screen.contains("v2 · CIO · 60 j"))
    #expect(Self.state(app)?.rows.map(\.version) == [1, 2])
    // A later version for every kind leaves both earlier ones frozen.
    let third = ConsentText(
      version: 3, body: "Tout {structure}.", retentionDays: 30,
      publishedAt: ConsentTextsClient.fakeDate.addingTimeInterval(172_800))
    #expect(ConsentTextsScreen.inForce(for: .cio, in: Self.texts + [third]) == third)
    #expect(ConsentTextsScreen.inForce(for: .cio, in: Self.texts)?.version == 2)
    #expect(ConsentTextsScreen.inForce(for: .missionLocale, in: Self.texts)?.version == 1)
    #expect(ConsentTextsScreen.readNext(Self.texts + [third]) == "v3 pour toutes les structures")
    #expect(ConsentTextsScreen.readNext([]) == "aucun texte")
  }

  @Test func aVersionForOneKindIsCheckedThenPublishedAndTheListReloads() {
    var app = Self.open()
    Fixture.send([.char("n")], to: &app)
    // The form starts from the version in focus (v1, every kind): its words, to change.
    #expect(Self.state(app)?.fields.fields[2].text == ConsentText.initialBody)
    Fixture.send([.ctrl("u")] + Fixture.chars("Vos coordonnées vont à la structure."), to: &app)
    Fixture.send([.backTab, .backTab, .right, .right], to: &app)
    #expect(Fixture.send([.function(2)], to: &app) == [.none])
    #expect(
      Self.state(app)?.error == "Le texte doit nommer le destinataire : ajoutez {structure}.")
    #expect(App.render(app).text.contains("ajoutez {structure}"))
    Fixture.send(
      [.tab, .tab, .ctrl("u")] + Fixture.chars("Vos coordonnées vont à {structure}."), to: &app)
    let publish = ConsentTextsRequest.publish(
      body: "Vos coordonnées vont à {structure}.", retentionDays: 90, kind: .missionLocale)
    #expect(Fixture.send([.function(2)], to: &app) == [.feature(publish)])
    #expect(Self.state(app)?.saving == true)
    let message =
      "Version 3 publiée (pour Mission locale) : elle sera lue dès la prochaine prise de rendez-vous."
    #expect(
      App.reduce(&app, .feature(ConsentTextsEvent.published(message, version: 3)))
        == .feature(ConsentTextsRequest.load))
    #expect(app.message?.text == message)
    #expect(Self.state(app)?.publishing == false)
    let published = ConsentText(
      version: 3, body: "Vos coordonnées vont à {structure}.", retentionDays: 90,
      publishedAt: ConsentTextsClient.fakeDate, operatorKind: .missionLocale)
    _ = App.reduce(&app, .feature(ConsentTextsEvent.loaded(Self.texts + [published])))
    #expect(Self.state(app)?.selected == published)
    #expect(
      App.render(app).text.contains("v3 : Mission locale · v2 : CIO · v1 : les autres types"))
  }

  @Test func aRefusalFromTheStoreStaysOnTheFormAndEscapeGivesUp() {
    var app = Self.open()
    Fixture.send([.char("n"), .function(2)], to: &app)
    _ = App.reduce(&app, .feature(ConsentTextsEvent.failed(UserError("Base occupée."))))
    #expect(Self.state(app)?.error == "Base occupée.")
    #expect(Self.state(app)?.publishing == true)
    Fixture.send([.escape], to: &app)
    #expect(Self.state(app)?.publishing == false, "Échap closes the form, not the screen")
  }

  @Test(arguments: [Role.agent, .supervisor])
  func otherRolesMayNotOpenIt(role: Role) {
    var app = Fixture.app(as: role)
    Fixture.send([.char("k")], to: &app)
    #expect(Self.state(app) == nil)
  }
}
