import Foundation
import GuichetCore
import GuichetStore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Exports that cannot be written say so: with stdout on /dev/full (every write answers ENOSPC) each
/// command that prints exits non-zero with a French message, instead of exit 0 and an empty file.
@Suite("Exports on a full disk")
struct ExportWriteTests {
  static let commands: [[String]] = [
    ["person", "export", "--phone", "0612345678"], ["report", "annual"],
    ["report", "monthly", "--format", "csv"], ["report", "daily", "--format", "json"],
    ["audit", "list"], ["audit", "verify"], ["search", "métier"], ["users", "list"],
    ["users", "list", "--format", "json"], ["operators", "list"], ["check"],
  ]

  @Test func everyCommandThatPrintsFailsInFrenchOnAFullDisk() throws {
    var runner = GuichetRun(folder: try GuichetRun.temporaryFolder("full"))
    defer { try? FileManager.default.removeItem(at: runner.folder) }
    let path = runner.folder.appendingPathComponent("full.sqlite").path
    try SeededDatabase.copy(to: path)
    for command in Self.commands {
      runner.output = nil
      let normal = try runner.run(command + ["--database", path])
      #expect(normal.status == 0, "\(command): \(normal.stderr)")
      #expect(!normal.stdout.isEmpty, "\(command) prints something, so the full disk must show")
      runner.output = "/dev/full"
      let full = try runner.run(command + ["--database", path])
      #expect(full.status != 0, "\(command) exited 0 on a full disk")
      #expect(
        full.stderr.contains("guichet : écriture impossible sur la sortie standard : disque plein"),
        "\(command): \(full.stderr)")
    }
  }

  /// A file written through the checked writer on a full file system: an error naming the file, and
  /// neither the file nor a temporary left behind.
  @Test func aFileOnAFullDiskIsRefusedAndNothingIsLeft() throws {
    try #require(getuid() == 0, "mounting a small tmpfs needs root, as CI runs")
    let disk = try ConsoleFaultTests.SmallFileSystem(megabytes: 1)
    _ = disk.fill()
    let target = disk.folder.appendingPathComponent("coupon.txt").path
    let before = try FileManager.default.contentsOfDirectory(atPath: disk.folder.path).sorted()
    #expect {
      try CheckedOutput.writeFile(String(repeating: "x", count: 200_000), to: target)
    } throws: { error in
      (error as? UserError)?.message.contains("disque plein") == true
    }
    let after = try FileManager.default.contentsOfDirectory(atPath: disk.folder.path).sorted()
    #expect(after == before)
  }
}
