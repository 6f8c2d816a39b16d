import Foundation
import GuichetCore
import GuichetStore

/// A slot list handed to desk processes of the benches and the fault drill: « advisor start end » per line, in seconds.
enum SlotListFile {
  static func line(_ slot: Slot) -> String {
    "\(slot.advisorID) \(slot.startsAt.timeIntervalSince1970) \(slot.endsAt.timeIntervalSince1970)"
  }

  /// Written through the checked writer: a desk process must not read a list cut short by a full disk.
  static func write(_ slots: [Slot], to path: String) throws {
    try CheckedOutput.writeFile(slots.map(line).joined(separator: "\n"), to: path)
  }

  static func read(_ path: String) throws -> [Slot] {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw UserError("Liste de créneaux « \(path) » illisible.")
    }
    return text.split(separator: "\n").compactMap { line in
      let parts = line.split(separator: " ")
      guard parts.count == 3, let advisor = Int64(parts[0]), let from = Double(parts[1]),
        let to = Double(parts[2])
      else { return nil }
      return Slot(
        advisorID: advisor, startsAt: Date(timeIntervalSince1970: from),
        endsAt: Date(timeIntervalSince1970: to))
    }
  }
}
