import Foundation
import GuichetCore

/// The agenda's work for the runtime (one `Effect` case carries them all).
public enum AgendaRequest: Equatable, Sendable {
  case loadStructures
  case loadAdvisors(structureID: Int64)
  case load(AgendaQuery)
  /// Seen and no-show go through attendance (refused before the appointment time), excused and revoked cancel.
  case mark(BookingReference, AppointmentStatus)
  /// The shown list to `lp` (with the contacts the store returned) and to a file (never with contacts).
  case print(AgendaPrintout)
}

/// The answers to `AgendaRequest`, as one `AppAction` case.
public enum AgendaEvent: Equatable, Sendable {
  case structuresLoaded([OperatorStructure])
  case advisorsLoaded(structureID: Int64, [Advisor])
  case loaded(AgendaPage)
  case marked(Appointment)
  /// Where the list was written, and whether `lp` took it (nil) or why not.
  case printed(file: String, printerProblem: String?)
}
