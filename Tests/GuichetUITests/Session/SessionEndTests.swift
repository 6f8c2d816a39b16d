import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

/// Issue 13, finding 1, in the console: when the store refuses the account the desk holds (disabled, or its
/// role changed, since the login), whatever effect brought the refusal back, the desk is back on the login
/// screen with the French reason, and nothing of the screens below stays.
@Suite struct SessionEndTests {
  static let refused = UserError.accountNoLongerValid
  static let reference = BookingReference.generate()

  /// Each screen's own failure action, as the runtime builds it for an effect of that screen.
  static var reports: [(String, (UserError) -> AppAction)] {
    [
      ("status line", { .failed($0) }),
      ("accounts", { .accounts(.failed($0)) }),
      ("administration", { .admin(.failed($0)) }),
      ("booking", { .booking(.bookingFailed(reference, $0)) }),
      ("appointment", { .appointment(.failed($0)) }),
      ("login", { .session(.refused($0)) }),
    ]
  }

  @Test func theStaleAccountRefusalEndsTheSessionWhateverScreenAsked() {
    for (name, report) in Self.reports {
      #expect(
        AppAction.failure(Self.refused, report: report)
          == .session(.accountNoLongerValid(Self.refused)), "\(name)")
      let ordinary = UserError(
        "Accès refusé : seuls les administrateurs peuvent gérer les comptes.")
      #expect(AppAction.failure(ordinary, report: report) == report(ordinary), "\(name)")
    }
  }

  @Test func anAdministratorOnTheAccountsFormLandsOnTheLoginScreenWithTheMessage() {
    var app = AccountsScreenTests.open()
    Fixture.send([.char("n")] + Fixture.chars("nouveau"), to: &app)
    #expect(app.hasUnsavedWork, "a new account is being typed")
    let action = AppAction.failure(Self.refused) { .accounts(.failed($0)) }
    let effect = App.reduce(&app, action)
    #expect(effect == .session(.signOut), "nothing more runs as that account")
    guard case .signedOut(let login) = app.session else {
      Issue.record("signed out")
      return
    }
    #expect(login.mode == .login)
    #expect(login.notice == "Votre compte a été désactivé ou modifié : reconnectez-vous.")
    #expect(app.screens == [.home(HomeScreen.State())], "the screens below are dropped")
    #expect(!app.hasUnsavedWork)
    #expect(app.context.account == nil)
    let text = App.render(app).text
    #expect(text.contains("Votre compte a été désactivé ou modifié : reconnectez-vous."))
    #expect(text.contains("Identifiant :"))
    #expect(
      !text.contains("cmartin") && !text.contains("verrouillé jusqu") && !text.contains("nouveau"))
    // The reason stays while the next person types, until someone signs in.
    Fixture.send(Fixture.chars("admin2"), to: &app)
    #expect(App.render(app).text.contains("reconnectez-vous"))
    _ = App.reduce(&app, .session(.signedIn(AccountsScreenTests.administrator)))
    #expect(app.session.isSignedIn)
    #expect(app.top == .home(HomeScreen.State()))
    #expect(!App.render(app).text.contains("reconnectez-vous"))
  }

  @Test func aLockedDeskAndAVisitFormAreDroppedToo() {
    var app = Fixture.app()
    Fixture.send([.char("n"), .char("1")], to: &app)
    #expect(app.hasUnsavedWork)
    _ = App.reduce(&app, AppAction.failure(Self.refused))
    #expect(!app.hasUnsavedWork)
    #expect(!App.render(app).text.contains("Demande(s)"))

    var locked = Fixture.app()
    Fixture.send([.function(12)], to: &locked)
    _ = App.reduce(&locked, AppAction.failure(Self.refused))
    guard case .signedOut(let login) = locked.session else {
      Issue.record("a locked desk is signed out too")
      return
    }
    #expect(login.notice == Self.refused.message)
  }
}
