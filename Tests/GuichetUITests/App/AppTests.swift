import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

@Suite struct AppTests {
  /// The counters and the queue panel come from one read, so they cannot disagree.
  @Test func startLoadsCountersWithTheQueue() {
    var app = Fixture.app()
    #expect(App.start(&app) == .loadCounters)
  }

  @Test func quitKeysQuitWhenNothingIsPending() {
    for key in [Key.function(10), .ctrl("q"), .ctrl("c")] {
      var app = Fixture.app()
      #expect(App.reduce(&app, .key(key)) == .quit)
      #expect(app.quitting)
    }
  }

  @Test func quitWithAnUnsavedVisitAsksFirst() {
    var app = Fixture.app()
    Fixture.send([.char("n"), .char("1")], to: &app)
    #expect(App.reduce(&app, .key(.function(10))) == .none)
    #expect(app.confirmingQuit)
    #expect(App.reduce(&app, .key(.char("x"))) == .none)
    #expect(!app.confirmingQuit)
    Fixture.send([.function(10)], to: &app)
    #expect(App.reduce(&app, .key(.char("o"))) == .quit)
  }

  @Test func helpOpensOnEveryScreenAndEscapeCloses() {
    var app = Fixture.app()
    for opener in [[], [Key.char("f")], [.char("j")], [.char("n")]] {
      app = Fixture.app()
      Fixture.send(opener, to: &app)
      let depth = app.screens.count
      Fixture.send([.function(1)], to: &app)
      guard case .help(let help) = app.top else {
        Issue.record("F1 should open help after \(opener)")
        continue
      }
      #expect(!help.lines.isEmpty)
      Fixture.send([.escape], to: &app)
      #expect(app.screens.count == depth)
    }
  }

  @Test func savedVisitReturnsToPreviousScreenWithAMessage() {
    var app = Fixture.app()
    Fixture.send([.char("j"), .char("n"), .char("1"), .function(2)], to: &app)
    var saved = Fixture.visit(
      id: 12, minutesAgo: 0, started: true, closed: true, requests: [.jobInformation])
    saved.closedAt = Fixture.now
    let effect = App.reduce(&app, .visitSaved(saved))
    #expect(effect == .loadTodayVisits)
    guard case .todayVisits = app.top else {
      Issue.record("should be back on today's visits")
      return
    }
    #expect(app.message == StatusMessage("Visite n° 12 clôturée."))
  }

  @Test func failedSaveKeepsTheFormAndItsData() {
    var app = Fixture.app()
    Fixture.send([.char("n"), .char("3"), .function(2)], to: &app)
    _ = App.reduce(&app, .failed(UserError("Base de données occupée, réessayez.")))
    guard case .visitForm(let form) = app.top else {
      Issue.record("form must stay open")
      return
    }
    #expect(form.visit.requestKinds == [.vae])
    #expect(!form.saving)
    #expect(form.error == "Base de données occupée, réessayez.")
  }

  @Test func takingAWaitingVisitStartsServiceAtThisDesk() {
    var app = Fixture.app()
    Fixture.send([.char("f")], to: &app)
    let waiting = Fixture.visit(id: 3, minutesAgo: 12)
    _ = App.reduce(&app, .queueLoaded([waiting]))
    let effects = Fixture.send([.enter], to: &app)
    var started = waiting
    started.startedAt = Fixture.now
    #expect(effects == [.startService(started)])
    _ = App.reduce(&app, .serviceStarted(started))
    guard case .visitForm(let form) = app.top else {
      Issue.record("form should open")
      return
    }
    #expect(form.visit.id == 3)
  }

  @Test func loadedDataReachesEveryScreenInTheStack() {
    var app = Fixture.app()
    Fixture.send([.char("f")], to: &app)
    let visit = Fixture.visit(id: 1, minutesAgo: 3)
    _ = App.reduce(&app, .countersLoaded(DeskDay(queue: [visit])))
    guard case .home(let home) = app.screens[0], case .queue(let queue) = app.screens[1] else {
      Issue.record("unexpected stack")
      return
    }
    #expect(home.queue == [visit])
    #expect(queue.visits == [visit])
  }

  @Test func tooSmallTerminalIgnoresKeysButStillQuits() {
    var app = Fixture.app(size: Size(width: 60, height: 20))
    #expect(App.reduce(&app, .key(.char("n"))) == .none)
    #expect(app.screens.count == 1)
    #expect(App.reduce(&app, .key(.ctrl("q"))) == .quit)
  }

  @Test func databaseChangeReloadsTheScreenOnTop() {
    var app = Fixture.app()
    Fixture.send([.char("j")], to: &app)
    #expect(App.reduce(&app, .databaseChanged) == .loadTodayVisits)
  }

  @Test func keyBindingsIgnoreCase() {
    var app = Fixture.app()
    Fixture.send([.char("N")], to: &app)
    guard case .visitForm = app.top else {
      Issue.record("capital N should open the form")
      return
    }
  }
}
