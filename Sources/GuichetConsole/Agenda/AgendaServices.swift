import Foundation
import GuichetCore
import GuichetStore
import GuichetUI

/// What the advisor's agenda needs from the store: structures, advisors, the day/week/backlog with the
/// handover note completed by the consulted métiers (one store call, `agendaPage`), and the status marks
/// (the store checks times and rights).
struct AgendaServices: Sendable {
  var structures: @Sendable () throws -> [OperatorStructure]
  var advisors: @Sendable (Int64) throws -> [Advisor]
  var load: @Sendable (AgendaQuery, Date) throws -> AgendaPage
  var mark: @Sendable (BookingReference, AppointmentStatus, Date) throws -> Appointment
  /// Writes the printed list's file (name, text) beside the slips, 0600, and answers its path.
  var saveList: @Sendable (String, String) throws -> String
  /// Sends text to `lp`; throws a French `UserError` when printing is not possible.
  var print: @Sendable (String) throws -> Void

  static func live(_ database: AppDatabase, session: SessionCaller, slips: URL) -> AgendaServices {
    AgendaServices(
      structures: { try database.operatorStructures(withAdvisors: true) },
      advisors: { try database.advisors(structureID: $0, includeInactive: true) },
      load: { query, now in try database.agendaPage(query, by: session.current(), at: now) },
      mark: { reference, status, now in
        let caller = try session.current()
        return status.isCancellation
          ? try database.cancel(reference: reference, as: status, by: caller, now: now)
          : try database.recordAttendance(reference: reference, as: status, by: caller, now: now)
      },
      saveList: { name, text in try SlipFiles.writeList(text, named: name, into: slips).path },
      print: { try SlipFiles.print($0) })
  }

  /// For services built without a database: every request answers with an error.
  static let unavailable: AgendaServices = {
    let error = UserError("Agenda indisponible.")
    return AgendaServices(
      structures: { throw error }, advisors: { _ in throw error }, load: { _, _ in throw error },
      mark: { _, _, _ in throw error }, saveList: { _, _ in throw error },
      print: { _ in throw error })
  }()
}

extension EffectInterpreter {
  func runAgenda(_ request: AgendaRequest) -> [AppAction] {
    let agenda = services.agenda
    switch request {
    case .loadStructures:
      return attempt { .agenda(.structuresLoaded(try agenda.structures())) }
    case .loadAdvisors(let id):
      return attempt { .agenda(.advisorsLoaded(structureID: id, try agenda.advisors(id))) }
    case .load(let query):
      return attempt { .agenda(.loaded(try agenda.load(query, now()))) }
    case .mark(let reference, let status):
      return attempt { .agenda(.marked(try agenda.mark(reference, status, now()))) }
    case .print(let printout):
      // The file is written first: when the printer fails, the advisor still has the list on disk.
      return attempt {
        let file = try agenda.saveList(printout.fileName, printout.file)
        do {
          try agenda.print(printout.paper)
          return .agenda(.printed(file: file, printerProblem: nil))
        } catch let error as UserError {
          return .agenda(.printed(file: file, printerProblem: error.message))
        }
      }
    }
  }
}
