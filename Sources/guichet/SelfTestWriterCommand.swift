import ArgumentParser
import Foundation
import GuichetCore
import GuichetStore

#if canImport(Glibc)
  import Glibc
#endif

/// Hidden: writes visits in a loop, as a busy desk does, and appends each write SQLite acknowledged to a
/// log flushed to disk before the next one. The fault drill kills it with SIGKILL at random moments and
/// then checks that every logged write is in the database.
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

  func run() throws {
    let path = location.path
    try CommandLineErrors.report {
      // Visits need no reference data; skipping it keeps a drill round short in a debug build.
      let database = try AppDatabase.open(path: path, bundledReference: false)
      let workplace = try database.workplace(siteName: "Site test", deskName: desk)
      let journal = try AcknowledgedLog(path: log)
      var written = 0
      while count == 0 || written < count {
        var visit = try database.registerArrival(workplace, channel: .walkIn, at: Date())
        guard let id = visit.id else { throw UserError("Visite enregistrée sans identifiant.") }
        journal.append("a \(id)")
        visit.startedAt = visit.arrivedAt
        visit.closedAt = Date()
        visit.requestKinds = [.jobInformation]
        visit.outcome = .information
        _ = try database.save(visit)
        journal.append("c \(id)")
        written += 1
      }
    }
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
