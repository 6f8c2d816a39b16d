import Foundation
import GuichetCore
import GuichetUI

@testable import GuichetConsole

extension EffectRow {
  static let agendaQuery = AgendaQuery(
    structureID: 5, mode: .day, day: LocalDate(year: 2026, month: 11, day: 30)!)

  /// The advisor's agenda: structures, advisors, the page, and the attendance marks (a write).
  static let agenda: [EffectRow] = [
    EffectRow(
      .agenda(.loadStructures), calls: ["agenda.structures"],
      answers: { _ in [.agenda(.structuresLoaded([FakeData.structure]))] }),
    EffectRow(
      .agenda(.loadAdvisors(structureID: 5)), calls: ["agenda.advisors"],
      matching: { actions, _ in
        guard case .agenda(.advisorsLoaded(5, let advisors)) = actions.first else { return false }
        return actions.count == 1 && advisors.map(\.id) == [3, 4]
      }),
    EffectRow(
      .agenda(.load(agendaQuery)), calls: ["agenda.load"],
      matching: { actions, _ in
        guard case .agenda(.loaded(let page)) = actions.first else { return false }
        return actions.count == 1 && page.query == agendaQuery
          && page.entries.map(\.appointment.status) == [.booked, .seen]
      }),
    EffectRow(
      .agenda(.mark(ConsoleFixture.reference, .seen)), calls: ["agenda.mark"],
      answers: {
        [.agenda(.marked($0.appointment(ConsoleFixture.reference, id: 1001, status: .seen)))]
      }, refused: { [.failed($0)] }),
    // A printout reads nothing and writes no row: it runs on a read-only file too.
    EffectRow(
      .agenda(.print(AgendaPrintout(fileName: "agenda-5-2026-11-30.txt", paper: "p", file: "f"))),
      calls: ["agenda.saveList", "agenda.print"],
      answers: { _ in
        [.agenda(.printed(file: "/fake/rendez-vous/agenda-5-2026-11-30.txt", printerProblem: nil))]
      }),
  ]
}
