import Foundation
import GuichetStore
import Testing

/// Where a saved slip goes when nothing names a folder: beside the database the console books in (a
/// `rendez-vous` folder, 0700, files 0600), not under the home of whoever runs the console, so two sites on
/// one host keep their slips apart and the person's appointment is as private as the file.
@Suite(.serialized) struct SlipLocationEndToEndTests {
  @Test func aSavedSlipGoesBesideTheDatabaseAndOnlyItsOwnerMayReadIt() throws {
    let home = try GuichetRun.temporaryFolder("slip-home")
    defer { try? FileManager.default.removeItem(at: home) }
    let console = try TmuxConsole(
      environment: ["GUICHET_NOW": "2026-12-03T10:30", "HOME": home.path, "XDG_DATA_HOME": ""])
    try console.waitFor("Nouvelle visite (au guichet)")
    let database = try AppDatabase.open(path: console.databasePath)
    _ = try AgendaEndToEndTests.openAgency(in: database)

    let reference = try console.bookTheFirstSlotForMarieDupont()
    try console.press("e")
    try console.waitFor("Coupon enregistré")
    try console.press("F10")

    let folder = URL(fileURLWithPath: console.databasePath).deletingLastPathComponent()
      .appendingPathComponent("rendez-vous")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(files == ["\(reference).ics", "\(reference).txt"])
    #expect(try Self.mode(folder.path) == 0o700)
    for file in files {
      #expect(try Self.mode(folder.appendingPathComponent(file).path) == 0o600, "\(file)")
    }
    // Nothing under the home folder of the account running the console.
    let underHome = FileManager.default.enumerator(atPath: home.path)?.allObjects ?? []
    #expect(underHome.isEmpty, "\(underHome)")
  }

  static func mode(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return try #require(attributes[.posixPermissions] as? Int) & 0o777
  }
}
