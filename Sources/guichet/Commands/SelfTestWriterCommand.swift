import ArgumentParser
import Foundation
import GuichetCore
import GuichetStore

#if canImport(Glibc)
  import Glibc
#endif

/// Hidden: writes visits in a loop, as a busy desk does, and appends each write SQLite acknowledged to a
/// log flushed to disk before the next one. With `--slots`, each visit also books an appointment (consent,
/// then the booking transaction with the person's contact, as the console books) on the first slot of the
/// list still free, so writers given the same list
/// race for the same slots. The fault drill kills it with SIGKILL at random moments and then checks that
/// every logged write is in the database and that no slot is booked twice.
struct SelfTestWriterCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "selftest-writer", shouldDisplay: false)

  @OptionGroup var location: DatabaseOptions

  @Option(name: .long, help: ArgumentHelp("Journal des écritures confirmées.", valueName: "chemin"))
  var log: String

  @Option(name: .long, help: ArgumentHelp("Nom du poste écrivain.", valueName: "nom"))
  var desk = "Poste test"

  @Option(name: .long, help: "Nombre de visites à écrire (0 : jusqu'à l'arrêt du processus).")
  var count = 0

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Créneaux à réserver, un par ligne : conseiller début fin (secondes).", valueName: "chemin"))
  var slots: String?

  @Option(name: .long, help: "Premier créneau essayé dans la liste.")
  var offset = 0

  @Option(name: .long, help: "Structure destinataire du consentement.")
  var structure: Int64 = 0

  func run() throws {
    let path = location.path
    try CommandLineErrors.report {
      // Visits need no reference data; skipping it keeps a drill round short in a debug build.
      let database = try AppDatabase.open(path: path, bundledReference: false)
      let workplace = try database.workplace(siteName: "Site test", deskName: desk)
      let journal = try AcknowledgedLog(path: log)
      var booker = try slots.map {
        DrillBooker(
          database: database, workplace: workplace, slots: try SlotListFile.read($0),
          cursor: offset, structureID: structure)
      }
      var written = 0
      while count == 0 || written < count {
        var visit = try database.registerArrival(
          workplace, channel: .walkIn, by: .commandLine, at: Date())
        guard let id = visit.id else { throw UserError("Visite enregistrée sans identifiant.") }
        journal.append("a \(id)")
        visit.startedAt = visit.arrivedAt
        visit.requestKinds = [.jobInformation]
        visit.outcome = .information
        if let reference = try booker?.book(visitID: id) {
          journal.append("b \(reference)")
          visit.recordBooking()
        }
        visit.closedAt = Date()
        _ = try database.save(visit, by: .commandLine)
        journal.append("c \(id)")
        written += 1
      }
    }
  }
}

/// The booking half of a drill writer: consent for the visit, then the first free slot from the cursor on;
/// a slot another writer took moves the cursor, as the console offers the next free slots to a race loser.
struct DrillBooker {
  var database: AppDatabase
  var workplace: Workplace
  var slots: [Slot]
  var cursor: Int
  var structureID: Int64

  /// The reference of the acknowledged booking, or nil when the list is exhausted.
  mutating func book(visitID: Int64) throws -> String? {
    let consent = try database.recordConsent(
      visitID: visitID, textVersion: database.consentText().version,
      recipientStructureID: structureID, deskID: workplace.deskID, by: .commandLine)
    guard let consentID = consent.id else { throw UserError("Consentement sans identifiant.") }
    let contact = try Contact.validate(
      firstName: "Essai", lastName: "Exercice",
      phone: "06" + String(format: "%08d", visitID % 100_000_000), email: "")
    while cursor < slots.count {
      let slot = slots[cursor]
      do {
        let appointment = try database.book(
          reference: .generate(), slot: slot, visitID: visitID, consentID: consentID,
          contact: contact, by: .commandLine)
        return appointment.reference.value
      } catch is SlotTakenError {
        cursor += 1
      }
    }
    return nil
  }
}

/// One line per acknowledged write, `fsync`ed before the writer goes on, so a SIGKILL can only lose a
/// line for a write that was never confirmed, never the other way round.
final class AcknowledgedLog {
  private let descriptor: Int32

  init(path: String) throws {
    descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
    guard descriptor >= 0 else { throw UserError("Journal « \(path) » impossible à ouvrir.") }
  }

  deinit { close(descriptor) }

  func append(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    _ = fsync(descriptor)
  }
}
