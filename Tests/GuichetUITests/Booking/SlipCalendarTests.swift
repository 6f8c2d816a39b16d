import Foundation
import GuichetCore
import GuichetTestData
import Testing

@testable import GuichetUI

/// Every calendar file a slip writes, checked by a real iCalendar parser (Python `icalendar`, installed by
/// `.ci/run`) and against RFC 5545's 75-octet line rule: the booking, a move (SEQUENCE 1) and the
/// cancellation (METHOD:CANCEL), each stamped with the time it is written, not the appointment's.
@Suite struct SlipCalendarTests {
  static let written = Date(timeIntervalSince1970: 1_780_200_000)  // 2026-05-31T04:00:00Z

  /// A structure with a long address, so that LOCATION and DESCRIPTION need folding, with accents.
  static func slip(sequence: Int = 0, cancelled: Bool = false) -> Slip {
    var slip = SlipWordingTests.slip(
      .onSite, address: "Maison de l'emploi, 12 avenue Général-de-Gaulle")
    slip.sequence = sequence
    slip.isCancellation = cancelled
    return slip
  }

  static let files: [(String, Slip)] = [
    ("booked", slip()), ("moved", slip(sequence: 1)),
    ("cancelled", slip(sequence: 2, cancelled: true)),
  ]

  @Test(arguments: files.map(\.0))
  func everyLineIsAtMost75OctetsAndEndsWithCRLF(_ name: String) throws {
    let ics = try #require(Self.files.first { $0.0 == name }).1.ics(writtenAt: Self.written)
    #expect(CalendarCheck.lineProblems(ics) == [])
    #expect(CalendarCheck.isFolded(ics), "the long lines were folded")
  }

  @Test func foldingNeverSplitsACharacter() {
    let line = "DESCRIPTION:" + String(repeating: "é", count: 100)
    let folded = Slip.fold(line)
    let parts = folded.components(separatedBy: "\r\n ")
    #expect(parts.count == 3)
    #expect(parts.allSatisfy { $0.utf8.count <= 74 || $0 == parts[0] })
    #expect(parts.joined() == line)
  }

  /// Parses each file with `icalendar` and reads back what a calendar program acts on.
  @Test func aRealParserReadsTheBookingTheMoveAndTheCancellation() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-ics-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var paths: [URL] = []
    for (name, slip) in Self.files {
      let url = folder.appendingPathComponent("\(name).ics")
      try Data(slip.ics(writtenAt: Self.written).utf8).write(to: url)
      paths.append(url)
    }
    let rows = try CalendarCheck.parse(paths)
    try #require(rows.count == 3, "\(rows)")
    let location =
      "Cap emploi Isère, Maison de l'emploi, 12 avenue Général-de-Gaulle, 38000 Grenoble"
    #expect(
      rows[0]
        == CalendarCheck.Entry(
          method: "PUBLISH", uid: "RDV-7K3M-Q9XP@guichet", sequence: "0", status: "CONFIRMED",
          stamp: "20260531T040000Z", start: "20260601T060000Z", location: location))
    #expect(rows[1].method == "PUBLISH" && rows[1].sequence == "1" && rows[1].uid == rows[0].uid)
    #expect(rows[2].method == "CANCEL" && rows[2].sequence == "2" && rows[2].status == "CANCELLED")
    #expect(rows[2].uid == rows[0].uid, "the cancellation names the entry it removes")
  }

  @Test func theCancellationNoticeSaysSoAndIsSavedBesideTheConfirmation() {
    let notice = Self.slip(sequence: 1, cancelled: true)
    #expect(notice.text.hasPrefix("Guichet — annulation de rendez-vous"))
    #expect(notice.text.contains("Rendez-vous annulé : "))
    #expect(notice.text.contains("Référence : RDV-7K3M-Q9XP"))
    #expect(!notice.text.contains("À apporter"))
    #expect(notice.fileStem == "RDV-7K3M-Q9XP-annulation")
    #expect(Self.slip().fileStem == "RDV-7K3M-Q9XP")
  }
}
