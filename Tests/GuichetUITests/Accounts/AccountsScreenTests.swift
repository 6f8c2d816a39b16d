import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

/// The accounts screen through the app reducer with fake answers: the list, a new advisor with a structure
/// picked by typing its name, the password policy checked before anything is sent, passwords gone from the
/// state once sent, the store's refusal on the form with nothing else lost, and disabling after « O ».
@Suite struct AccountsScreenTests {
  static let structures = [
    OperatorStructure(
      id: 5, kind: .missionLocale, name: "Mission locale de Chambéry", city: "Chambéry",
      territoryIDs: [7]),
    OperatorStructure(
      id: 6, kind: .franceTravail, name: "France Travail Annecy", territoryIDs: [8]),
  ]

  static let accounts = [
    Account(
      id: 1, login: "admin", role: .administrator, structureID: nil, isDisabled: false,
      lockedUntil: nil, createdAt: Fixture.now.addingTimeInterval(-86_400 * 30)),
    Account(
      id: 2, login: "accueil", role: .agent, structureID: nil, isDisabled: false,
      lockedUntil: Fixture.now.addingTimeInterval(600), createdAt: Fixture.now),
    Account(
      id: 3, login: "cmartin", role: .advisor, structureID: 5, isDisabled: true, lockedUntil: nil,
      createdAt: Fixture.now),
  ]

  static let administrator = accounts[0]

  static func open(size: Size = Size(width: 80, height: 24)) -> AppState {
    var app = AppState(context: Fixture.context, size: size, session: .signedIn(administrator))
    #expect(App.reduce(&app, .key(.char("c"))) == .accounts(.load))
    _ = App.reduce(
      &app,
      .accounts(
        .loaded(
          accounts, structures: structures, lastLogins: [1: Fixture.now.addingTimeInterval(-3600)]))
    )
    return app
  }

  static func screen(_ app: AppState) -> AccountsScreen.State? {
    if case .accounts(let state) = app.top { return state }
    return nil
  }

  @Test func theListShowsRolesStructuresAndWhoCanLogIn() {
    let app = Self.open()
    let text = App.render(app).text
    #expect(text.contains("agent d'accueil"))
    #expect(text.contains("Mission locale de Cha"))
    #expect(text.contains("verrouillé jusqu'à 10:25"))
    #expect(text.contains("désactivé"))
    #expect(text.contains("actif (vous)"))
  }

  @Test func aNewAdvisorGetsAStructurePickedByNameAndAPasswordTypedTwice() {
    var app = Self.open()
    Fixture.send([.char("n")] + Fixture.chars("cmartin2") + [.tab, .right], to: &app)
    #expect(Self.screen(app)?.form?.role == .advisor)
    Fixture.send([.tab] + Fixture.chars("fran"), to: &app)
    #expect(Self.screen(app)?.form?.picker?.visible.map(\.code) == ["6"])
    Fixture.send([.enter], to: &app)
    #expect(Self.screen(app)?.form?.structureID == 6)
    #expect(Self.screen(app)?.form?.focus == .password)
    Fixture.send(
      Fixture.chars("une longue phrase") + [.tab] + Fixture.chars("une longue phrasE"), to: &app)
    #expect(!App.render(app).text.contains("longue"), "passwords are drawn as dots")
    #expect(App.reduce(&app, .key(.function(2))) == .none)
    #expect(App.render(app).text.contains("Les deux mots de passe diffèrent."))
    #expect(Self.screen(app)?.form?.login == "cmartin2", "the login typed stays")
    Fixture.send(Fixture.chars("court") + [.tab] + Fixture.chars("court"), to: &app)
    #expect(App.reduce(&app, .key(.function(2))) == .none)
    #expect(App.render(app).text.contains("au moins 12 caractères"))
    Fixture.send(
      Fixture.chars("une longue phrase") + [.tab] + Fixture.chars("une longue phrase"), to: &app)
    #expect(
      App.reduce(&app, .key(.enter))
        == .accounts(
          .write(
            .create(
              login: "cmartin2", role: .advisor, structureID: 6, password: "une longue phrase"))))
    #expect(Self.screen(app)?.form?.password == "", "the password leaves the state once sent")
    #expect(Self.screen(app)?.form?.confirmation == "")
    // The store refuses: its words on the form, the login, role and structure kept, passwords to type again.
    _ = App.reduce(&app, .accounts(.failed(UserError("L'identifiant « cmartin2 » est déjà pris."))))
    #expect(App.render(app).text.contains("est déjà pris"))
    #expect(Self.screen(app)?.form?.structureID == 6)
    #expect(Self.screen(app)?.form?.role == .advisor)
    #expect(Self.screen(app)?.form?.saving == false)
    // Written: the form closes, the status line says so, the list reloads on the new account.
    let effect = App.reduce(&app, .accounts(.written(login: "cmartin2", message: "Compte créé.")))
    #expect(effect == .accounts(.load))
    #expect(Self.screen(app)?.form == nil)
    #expect(App.render(app).text.contains("Compte créé."))
  }

  @Test func theLastLoginShowsAndAStoreRefusalTakesThePlaceOfTheList() {
    var app = Self.open()
    #expect(App.render(app).text.contains("Dernière connexion : lun. 30/11/2026 à 09:15"))
    Fixture.send([.down], to: &app)
    #expect(App.render(app).text.contains("Aucune connexion dans le journal d'audit"))
    var refused = AppState(
      context: Fixture.context, size: Size(width: 80, height: 24),
      session: .signedIn(Self.administrator))
    _ = App.reduce(&refused, .key(.char("c")))
    _ = App.reduce(&refused, .accounts(.failed(UserError("Réservé aux administrateurs."))))
    let text = App.render(refused).text
    #expect(!text.contains("Chargement"))
    #expect(text.contains("Réservé aux administrateurs."))
  }

  @Test func aRoleIsChosenByItsInitialToo() {
    var app = Self.open()
    Fixture.send([.char("n"), .tab, .char("c")], to: &app)
    #expect(Self.screen(app)?.form?.role == .advisor)
    Fixture.send([.char("a")], to: &app)
    #expect(Self.screen(app)?.form?.role == .administrator)
    Fixture.send([.char("a")], to: &app)
    #expect(Self.screen(app)?.form?.role == .agent)
    Fixture.send([.char("z")], to: &app)
    #expect(Self.screen(app)?.form?.role == .agent, "no role starts with z")
    #expect(Self.screen(app)?.form?.login == "", "nothing typed into the login")
  }

  @Test func anAdvisorWithoutAStructureIsRefusedOnTheForm() {
    var app = Self.open()
    Fixture.send([.char("n")] + Fixture.chars("cm") + [.tab, .left, .left, .left], to: &app)
    #expect(Self.screen(app)?.form?.role == .advisor)
    Fixture.send([.tab, .tab] + Fixture.chars("une longue phrase"), to: &app)
    Fixture.send([.tab] + Fixture.chars("une longue phrase"), to: &app)
    #expect(App.reduce(&app, .key(.function(2))) == .none)
    #expect(Self.screen(app)?.form?.focus == .structure)
    #expect(App.render(app).text.contains("Choisissez la structure du conseiller"))
  }

  @Test func escapeClosesThePickerThenTheFormThenTheScreen() {
    var app = Self.open()
    Fixture.send([.char("n"), .tab, .right, .tab, .enter], to: &app)
    #expect(Self.screen(app)?.form?.picker != nil)
    Fixture.send([.escape], to: &app)
    #expect(Self.screen(app)?.form != nil && Self.screen(app)?.form?.picker == nil)
    Fixture.send([.escape], to: &app)
    #expect(Self.screen(app)?.form == nil)
    #expect(App.reduce(&app, .key(.escape)) == HomeScreen.loadEffect)
    #expect(app.top == .home(HomeScreen.State()))
  }

  @Test func aNewPasswordIsTypedTwiceForTheSelectedAccount() {
    var app = Self.open()
    Fixture.send([.down, .char("p")], to: &app)
    #expect(App.render(app).text.contains("Nouveau mot de passe de « accueil »"))
    Fixture.send(Fixture.chars("encore une phrase") + [.enter], to: &app)
    #expect(
      App.reduce(&app, .key(.char("x"))) == .none && Self.screen(app)?.form?.focus == .confirmation)
    _ = App.reduce(&app, .key(.backspace))
    #expect(
      Fixture.send(Fixture.chars("encore une phrase") + [.enter], to: &app).last
        == .accounts(.write(.changePassword(login: "accueil", password: "encore une phrase"))))
  }

  @Test func anAdministratorDoesNotDisableTheirOwnAccountFromTheirDesk() {
    var app = Self.open()
    #expect(App.reduce(&app, .key(.char("d"))) == .none)
    #expect(Self.screen(app)?.confirming == false)
    #expect(App.render(app).text.contains("Votre propre compte se désactive depuis le poste"))
    #expect(App.reduce(&app, .key(.char("o"))) == .none, "no question was asked")
  }

  @Test func quittingWithAnAccountBeingTypedAsksFirst() {
    var app = Self.open()
    #expect(App.reduce(&app, .key(.function(10))) == .quit, "nothing typed: quits at once")
    app = Self.open()
    Fixture.send([.char("n"), .char("x")], to: &app)
    #expect(App.reduce(&app, .key(.function(10))) == .none)
    #expect(
      App.render(app).text.contains(
        "Compte non enregistré. Quitter quand même ? (O = oui, autre touche = non)"
      ))
    #expect(App.reduce(&app, .key(.char("o"))) == .quit)
  }

  @Test func disablingAsksForOAndTheStoreRefusalShowsOnTheStatusLine() {
    var app = Self.open()
    Fixture.send([.down], to: &app)
    #expect(App.reduce(&app, .key(.char("d"))) == .none)
    #expect(App.render(app).text.contains("Désactiver « accueil »"))
    #expect(App.reduce(&app, .key(.char("n"))) == .none, "any other key says no")
    Fixture.send([.char("d")], to: &app)
    #expect(App.reduce(&app, .key(.char("o"))) == .accounts(.write(.disable(login: "accueil"))))
    // The store has the last word (this account lost its role on another desk meanwhile).
    _ = App.reduce(&app, .accounts(.failed(UserError("Réservé aux administrateurs."))))
    #expect(App.render(app).text.contains("Réservé aux administrateurs."))
    // A disabled account is enabled again the same way.
    Fixture.send([.down, .char("d")], to: &app)
    #expect(App.render(app).text.contains("Réactiver « cmartin »"))
    #expect(App.reduce(&app, .key(.char("O"))) == .accounts(.write(.enable(login: "cmartin"))))
  }

  @Test func snapshots() {
    for (width, height) in [(80, 24), (100, 30)] {
      let app = Self.open(size: Size(width: width, height: height))
      #expect(
        snapshotMismatch(App.render(app), named: "accounts-\(width)x\(height)") == nil)
    }
    var form = Self.open()
    Fixture.send(
      [.char("n")] + Fixture.chars("cmartin2") + [.tab, .right, .tab, .enter, .enter]
        + Fixture.chars("une phrase"), to: &form)
    #expect(snapshotMismatch(App.render(form), named: "accounts-form-80x24") == nil)
    var picker = Self.open()
    Fixture.send([.char("n"), .tab, .right, .tab] + Fixture.chars("mis"), to: &picker)
    #expect(snapshotMismatch(App.render(picker), named: "accounts-picker-80x24") == nil)
  }
}
