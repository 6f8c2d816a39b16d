import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

@Suite struct SnapshotTests {
  static func homeApp(size: Size) -> AppState {
    var app = Fixture.app(size: size)
    var waiting = Fixture.visit(id: 30, minutesAgo: 14)
    waiting.ticket = 12
    var started = Fixture.visit(id: 31, minutesAgo: 3, started: true)
    started.ticket = 14
    _ = App.reduce(
      &app,
      .countersLoaded(
        DeskDay(
          counters: DayCounters(
            desk: VisitCounts(waiting: 0, inService: 1, closed: 7),
            site: VisitCounts(waiting: 1, inService: 1, closed: 19, leftUnseen: 1),
            medianWaitSeconds: 420),
          queue: [waiting, started])))
    return app
  }

  @Test(arguments: [(80, 24, "home-80x24"), (100, 30, "home-100x30"), (160, 40, "home-160x40")])
  func home(width: Int, height: Int, name: String) {
    let canvas = App.render(Self.homeApp(size: Size(width: width, height: height)))
    if let mismatch = snapshotMismatch(canvas, named: name) {
      Issue.record(Comment(rawValue: mismatch))
    }
  }

  @Test func tooSmall() {
    let canvas = App.render(Self.homeApp(size: Size(width: 60, height: 20)))
    #expect(canvas.text.contains("Agrandissez la fenêtre à au moins 80×24."))
    if let mismatch = snapshotMismatch(canvas, named: "too-small-60x20") {
      Issue.record(Comment(rawValue: mismatch))
    }
  }

  @Test(arguments: [(80, 24, "form-80x24"), (200, 60, "form-200x60")])
  func visitForm(width: Int, height: Int, name: String) {
    var app = Self.homeApp(size: Size(width: width, height: height))
    Fixture.send([.char("n"), .char("1"), .char("5"), .enter, .char("4"), .char("3")], to: &app)
    Fixture.send(Fixture.chars("cham"), to: &app)
    _ = App.reduce(
      &app,
      .communesFound(
        query: "cham",
        matches: [
          CommuneMatch(
            commune: Commune(inseeCode: "73065", name: "Chambéry", bassinCode: "8215"),
            territory: Territory(id: 7, name: "Chambéry")),
          CommuneMatch(
            commune: Commune(inseeCode: "38070", name: "Chamrousse", bassinCode: "8212"),
            territory: Territory(id: 8, name: "Grenoble")),
        ]))
    let canvas = App.render(app)
    #expect(canvas.cursor != nil)
    if let mismatch = snapshotMismatch(canvas, named: name) {
      Issue.record(Comment(rawValue: mismatch))
    }
  }

  @Test func todayVisitsAndHelp() {
    var app = Self.homeApp(size: Size(width: 80, height: 24))
    Fixture.send([.char("j")], to: &app)
    _ = App.reduce(
      &app,
      .todayVisitsLoaded([
        Fixture.visit(
          id: 20, minutesAgo: 90, started: true, closed: true, requests: [.training, .cpf]),
        Fixture.visit(id: 21, minutesAgo: 30, started: true, requests: [.jobSearch]),
      ]))
    if let mismatch = snapshotMismatch(App.render(app), named: "today-80x24") {
      Issue.record(Comment(rawValue: mismatch))
    }
    Fixture.send([.function(1)], to: &app)
    if let mismatch = snapshotMismatch(App.render(app), named: "help-today-80x24") {
      Issue.record(Comment(rawValue: mismatch))
    }
  }
}
