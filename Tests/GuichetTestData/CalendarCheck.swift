import Foundation
import GuichetProcess

/// Checks a calendar file as a calendar program would: RFC 5545's line rule (CRLF ends, at most 75 octets a
/// line) and a real parser (Python `icalendar`, which `.ci/run` installs), shared by the slip's unit tests and
/// the end-to-end test that reads the files the binary wrote.
public enum CalendarCheck {
  /// What a calendar program acts on in a file's single event.
  public struct Entry: Equatable, Sendable {
    public var method: String
    public var uid: String
    public var sequence: String
    public var status: String
    /// DTSTAMP and DTSTART as `yyyyMMddTHHmmssZ`, read back by the parser.
    public var stamp: String
    public var start: String
    public var location: String

    public init(
      method: String, uid: String, sequence: String, status: String, stamp: String,
      start: String, location: String
    ) {
      self.method = method
      self.uid = uid
      self.sequence = sequence
      self.status = status
      self.stamp = stamp
      self.start = start
      self.location = location
    }
  }

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// The problems with the line rule, empty when the text keeps it: no CRLF at the end, a bare CR or LF, or
  /// a line longer than 75 octets (with its length).
  public static func lineProblems(_ ics: String) -> [String] {
    var problems: [String] = []
    if !ics.hasSuffix("\r\n") { problems.append("pas de CRLF final") }
    for (number, line) in ics.components(separatedBy: "\r\n").dropLast().enumerated() {
      if line.contains("\n") || line.contains("\r") {
        problems.append("ligne \(number + 1) : CR ou LF isolé")
      }
      if line.utf8.count > 75 {
        problems.append("ligne \(number + 1) : \(line.utf8.count) octets")
      }
    }
    return problems
  }

  /// Whether some line was folded (continues on the next one after CRLF and a space).
  public static func isFolded(_ ics: String) -> Bool {
    ics.components(separatedBy: "\r\n").contains { $0.hasPrefix(" ") }
  }

  static let script = """
    import sys, icalendar
    for path in sys.argv[1:]:
        cal = icalendar.Calendar.from_ical(open(path, 'rb').read())
        events = [c for c in cal.walk('VEVENT')]
        assert len(events) == 1, path
        e = events[0]
        print('|'.join([str(cal.get('METHOD')), str(e.get('UID')), str(e.get('SEQUENCE')),
            str(e.get('STATUS')), e.decoded('DTSTAMP').strftime('%Y%m%dT%H%M%SZ'),
            e.decoded('DTSTART').strftime('%Y%m%dT%H%M%SZ'), str(e.get('LOCATION'))]))
    """

  /// Each file parsed by `icalendar`, in order; throws with the parser's own words when one does not parse
  /// or when python3 with icalendar is missing (a failure, never a skip).
  public static func parse(_ files: [URL]) throws -> [Entry] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-icalendar-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let scriptPath = folder.appendingPathComponent("check.py").path
    try Data(script.utf8).write(to: URL(fileURLWithPath: scriptPath))
    let output = folder.appendingPathComponent("out").path
    let errors = folder.appendingPathComponent("err").path
    let pid = try ChildProcess.start(
      ["python3", scriptPath] + files.map(\.path), stdout: output, stderr: errors,
      searchPath: true)
    let status = ChildProcess.exitCode(ChildProcess.wait(pid))
    let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    guard status == 0 else {
      let problem = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
      throw Failure(
        description:
          "python3 avec icalendar doit être installé (.ci/run le fait : pip install icalendar), et chaque fichier se lire : \(problem)"
      )
    }
    return text.split(separator: "\n").map { row in
      let field = row.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
      let value = { (index: Int) in index < field.count ? field[index] : "" }
      return Entry(
        method: value(0), uid: value(1), sequence: value(2), status: value(3), stamp: value(4),
        start: value(5), location: value(6))
    }
  }
}
