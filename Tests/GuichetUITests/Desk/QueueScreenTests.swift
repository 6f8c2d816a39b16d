import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

@Suite struct QueueScreenTests {
  static func queue(_ visits: [Visit]) -> AppState {
    var app = Fixture.app()
    Fixture.send([.char("f")], to: &app)
    _ = App.reduce(&app, .queueLoaded(visits))
    return app
  }

  static func numbered(_ id: Int64, minutesAgo: Double, started: Bool = false) -> Visit {
    var visit = Fixture.visit(id: id, minutesAgo: minutesAgo, started: started)
    visit.ticket = Int(id)
    return visit
  }

  /// P asks first; only O sends the store call, and the question shows the person's number.
  @Test func leftUnseenAsksThenMarksThePersonOnO() {
    var app = Self.queue([Self.numbered(4, minutesAgo: 30), Self.numbered(5, minutesAgo: 2)])
    #expect(Fixture.send([.char("p")], to: &app) == [.none])
    #expect(App.render(app).text.contains("n° 4, arrivée à"))
    #expect(Fixture.send([.char("o")], to: &app) == [.markLeftUnseen(visitID: 4)])
    #expect(!App.render(app).text.contains("O pour confirmer"))
  }

  @Test func anyOtherKeyKeepsThePersonInTheQueue() {
    var app = Self.queue([Self.numbered(4, minutesAgo: 30)])
    _ = Fixture.send([.char("p")], to: &app)
    #expect(Fixture.send([.char("n")], to: &app) == [.none])
    guard case .queue(let queue) = app.top else {
      Issue.record("the queue should stay open")
      return
    }
    #expect(queue.confirmingLeft == nil)
  }

  @Test func aPersonInServiceCannotLeaveUnseen() {
    var app = Self.queue([Self.numbered(4, minutesAgo: 30, started: true)])
    #expect(Fixture.send([.char("p")], to: &app) == [.none])
    #expect(app.message?.isError == true)
    guard case .queue(let queue) = app.top else {
      Issue.record("the queue should stay open")
      return
    }
    #expect(queue.confirmingLeft == nil)
  }

  /// The queue shows the number of the day, not the row's id.
  @Test func theQueueShowsTicketNumbers() {
    var visit = Fixture.visit(id: 812, minutesAgo: 5)
    visit.ticket = 3
    let text = App.render(Self.queue([visit])).text
    #expect(text.contains(" 3      "))
    #expect(!text.contains("812"))
  }
}
