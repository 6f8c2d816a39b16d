import Foundation
import GuichetCore

#if canImport(Glibc)
  import Glibc
#endif

/// The last entry of the trail: its number and hash. Entry 0 with the genesis hash is an empty trail.
public struct AuditHead: Equatable, Sendable {
  public var entry: Int64
  public var hash: String

  public init(entry: Int64, hash: String) {
    self.entry = entry
    self.hash = hash
  }

  /// « N:HASH », what `guichet audit verify --head` takes back.
  public var token: String { "\(entry):\(hash)" }

  /// Reads « N:HASH » (64 lowercase hex digits), nil otherwise.
  public init?(token: String) {
    let parts = token.trimmingCharacters(in: .whitespaces).split(
      separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, let entry = Int64(parts[0]), entry >= 0 else { return nil }
    let hash = parts[1].lowercased()
    guard hash.utf8.count == 64, hash.allSatisfy(\.isHexDigit) else { return nil }
    self.init(entry: entry, hash: hash)
  }
}

/// An anchor as a witness saw it: the number and hash of the last entry a purge removed.
public struct AuditAnchorMark: Codable, Equatable, Sendable {
  public var through: Int64
  public var hash: String
}

/// One line of a witness file (JSON, one object a line): what the trail's head was, when, in which database.
public struct AuditWitnessLine: Codable, Equatable, Sendable {
  public var database: String
  public var at: String
  /// `purge`, `console_start`, `day_change` or `head`.
  public var event: String
  public var entry: Int64
  public var hash: String
  /// The latest anchor when the head was seen (nil before any purge).
  public var anchor: AuditAnchorMark?
  /// The anchor this purge created: the only lines that make an anchor legitimate.
  public var purged: AuditAnchorMark?

  public var head: AuditHead { AuditHead(entry: entry, hash: hash) }
}

/// What `verifyAudit` compares the trail with: the lines of a witness file, and heads typed by hand.
public struct AuditEvidence: Sendable {
  public var lines: [AuditWitnessLine]
  public var heads: [AuditHead]

  public init(lines: [AuditWitnessLine] = [], heads: [AuditHead] = []) {
    self.lines = lines
    self.heads = heads
  }

  public var isEmpty: Bool { lines.isEmpty && heads.isEmpty }
}

/// Writes the trail's head outside the database, to the system log and to a file the administrator names,
/// so that a trail emptied, cut or rewritten in the file no longer matches what was seen before.
public struct AuditWitness: Sendable {
  /// When the head is written.
  public enum Occasion: String, Sendable {
    case purge
    case consoleStart = "console_start"
    case dayChange = "day_change"
    case head
  }

  /// The witness file (appended, created with mode 0600).
  public var file: String
  /// The database the lines are about, as `canonicalPath` spells it.
  public var database: String
  /// Off in tests and in the bench, which must not fill the host's log.
  public var systemLog: Bool

  public init(file: String, database: String, systemLog: Bool = true) {
    self.file = file
    self.database = Self.canonicalPath(database)
    self.systemLog = systemLog
  }

  /// The default witness: next to the database, outside it (`guichet.sqlite` → `guichet.sqlite.audit-witness`).
  public static func defaultFile(forDatabase path: String) -> String {
    path + ".audit-witness"
  }

  /// The absolute path with symbolic links resolved, so one file has one name in every witness line.
  public static func canonicalPath(_ path: String) -> String {
    if let resolved = realpath(path, nil) {
      defer { free(resolved) }
      return String(cString: resolved)
    }
    return URL(fileURLWithPath: path).standardizedFileURL.path
  }

  /// Appends one line, after sending it to the system log. A system log that no daemon reads loses it
  /// silently; the file write is checked to the end (write, fsync, close).
  public func record(
    _ head: AuditHead, anchor: AuditAnchorMark?, purged: AuditAnchorMark? = nil,
    occasion: Occasion, at date: Date
  ) throws {
    let line = AuditWitnessLine(
      database: database, at: Self.timestamp(date), event: occasion.rawValue, entry: head.entry,
      hash: head.hash, anchor: anchor, purged: purged)
    if systemLog {
      var text =
        "tête du journal d'audit \(head.token) (\(occasion.rawValue)) base \(database)"
      if let purged { text += " ancre créée \(purged.through):\(purged.hash)" }
      SystemLog.notice(text)
    }
    do {
      try append(line)
    } catch let error as UserError {
      if systemLog { SystemLog.notice("témoin « \(file) » non écrit : \(error.message)") }
      throw error
    }
  }

  func append(_ line: AuditWitnessLine) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var bytes = [UInt8](try encoder.encode(line))
    bytes.append(UInt8(ascii: "\n"))
    let descriptor = open(file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw failure("ouverture impossible") }
    var written = 0
    // One write() of a short line in O_APPEND: lines of desks writing at once never interleave.
    while written < bytes.count {
      let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if result < 0 && errno == EINTR { continue }
      guard result > 0 else {
        let error = failure("écriture impossible")
        close(descriptor)
        throw error
      }
      written += result
    }
    guard fsync(descriptor) == 0 else {
      let error = failure("écriture impossible")
      close(descriptor)
      throw error
    }
    guard close(descriptor) == 0 else { throw failure("fermeture impossible") }
  }

  func failure(_ what: String) -> UserError {
    UserError(
      "Témoin du journal d'audit « \(file) » : \(what) (\(String(cString: strerror(errno)))).")
  }

  /// Every line of a witness file about `database`. A line that cannot be read is an error, not skipped.
  public static func lines(inFile file: String, database: String) throws -> [AuditWitnessLine] {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: file))
    } catch {
      throw UserError(
        "Témoin du journal d'audit « \(file) » illisible : \(String(cString: strerror(errno))).")
    }
    let decoder = JSONDecoder()
    let target = canonicalPath(database)
    var found: [AuditWitnessLine] = []
    for (index, text) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
      guard let line = try? decoder.decode(AuditWitnessLine.self, from: Data(text)),
        AuditHead(token: "\(line.entry):\(line.hash)") != nil
      else {
        throw UserError(
          "Témoin du journal d'audit « \(file) » : ligne \(index + 1) illisible.")
      }
      if line.database == target { found.append(line) }
    }
    return found
  }

  /// ISO 8601 in UTC, to the second.
  static func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }
}

/// The host's system log through syslog(3), facility auth: it keeps no trace when no daemon listens, and
/// never fails the caller.
public enum SystemLog {
  private static let opened: Bool = {
    // openlog keeps the pointer: the identity is allocated once and never freed.
    openlog(strdup("guichet"), LOG_PID, LOG_AUTH)
    return true
  }()

  public static func notice(_ message: String) {
    _ = opened
    SafeText.clean(message).withCString { text in
      withVaList([text]) { vsyslog(LOG_NOTICE, "%s", $0) }
    }
  }
}
