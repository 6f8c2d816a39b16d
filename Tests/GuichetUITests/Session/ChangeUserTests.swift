import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

/// F12 then F12 on the lock screen hands the desk over: the agent is signed out (the store audits it), every
/// screen of theirs is dropped, and the login screen waits for the next person.
@Suite struct ChangeUserTests {
  static func text(_ app: AppState) -> String { App.render(app).text }

  @Test func f12TwiceSignsTheAgentOutAndLeavesNothingOfTheirs() {
    var app = Fixture.app()
    Fixture.send([.char("f")], to: &app)
    _ = App.reduce(&app, .queueLoaded([Fixture.visit(id: 31, minutesAgo: 3)]))
    Fixture.send([.function(12)], to: &app)
    let locked = Self.text(app)
    #expect(locked.contains("F12 Changer d'utilisateur"))
    #expect(Fixture.send([.function(12)], to: &app) == [.session(.changeUser)])
    guard case .signedOut(let login) = app.session else {
      Issue.record("the desk should wait for the next login")
      return
    }
    #expect(login.mode == .login && login.login.isEmpty)
    #expect(login.notice?.contains("« agent » est déconnecté") == true)
    #expect(app.screens == [.home(HomeScreen.State())])
    #expect(app.context.account == nil)
    let screen = Self.text(app)
    #expect(screen.contains("Identifiant :"))
    #expect(!screen.contains("File d'attente"))
  }

  /// A visit not saved is not lost without asking; « O » hands over anyway, another key keeps the lock.
  @Test func aVisitNotSavedIsAskedAboutFirst() {
    var app = Fixture.app()
    Fixture.send([.char("n"), .char("1")], to: &app)
    #expect(app.hasUnsavedWork)
    Fixture.send([.function(12), .function(12)], to: &app)
    #expect(app.confirmingUserChange)
    #expect(Self.text(app).contains("Changer d'utilisateur ? O = oui, autre = non"))
    Fixture.send([.char("x")], to: &app)
    guard case .locked = app.session else {
      Issue.record("another key keeps the desk locked")
      return
    }
    Fixture.send([.function(12)], to: &app)
    #expect(Fixture.send([.char("o")], to: &app) == [.session(.changeUser)])
    #expect(!app.hasUnsavedWork)
    #expect(!Self.text(app).contains("Demande(s)"))
  }

  /// F12 on the login screen of a desk nobody holds does nothing.
  @Test func f12WhenSignedOutIsNoChange() {
    var app = AppState(context: Fixture.context, size: Size(width: 80, height: 24))
    #expect(Fixture.send([.function(12)], to: &app) == [.none])
  }
}
