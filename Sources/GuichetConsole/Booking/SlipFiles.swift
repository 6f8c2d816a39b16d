import Foundation
import GuichetCore
import GuichetStore
import GuichetUI

/// Slip files and printing: names come from the reference only, files are private to the desk's user.
public enum SlipFiles {
  /// `$GUICHET_SLIPS_DIR`, else a `rendez-vous` folder beside the database file: slips belong to the site
  /// whose file booked them, not to whoever runs the console (several sites on one host keep theirs apart).
  public static func directory(
    besideDatabase database: String,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> URL {
    if let dir = environment["GUICHET_SLIPS_DIR"], !dir.isEmpty {
      return URL(fileURLWithPath: dir, isDirectory: true)
    }
    return URL(fileURLWithPath: database).standardizedFileURL.deletingLastPathComponent()
      .appendingPathComponent("rendez-vous", isDirectory: true)
  }

  static func write(_ slip: Slip, into directory: URL, at now: Date) throws -> [URL] {
    let files = [
      (directory.appendingPathComponent(slip.fileStem + ".txt"), slip.text),
      (directory.appendingPathComponent(slip.fileStem + ".ics"), slip.ics(writtenAt: now)),
    ]
    try makeFolder(directory, what: "le coupon")
    // Each file is written, flushed and closed with every error checked (mode 0600), then renamed into place.
    for (url, content) in files { try CheckedOutput.writeFile(content, to: url.path) }
    return files.map(\.0)
  }

  /// An advisor's printed list, in the same private folder as the slips (it never holds a contact).
  static func writeList(_ text: String, named name: String, into directory: URL) throws -> URL {
    try makeFolder(directory, what: "la liste")
    let url = directory.appendingPathComponent(name)
    try CheckedOutput.writeFile(text, to: url.path)
    return url
  }

  static func makeFolder(_ directory: URL, what: String) throws {
    do {
      try FileManager.default.createDirectory(
        at: directory, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    } catch {
      throw UserError("Impossible d'enregistrer \(what) dans \(directory.path).")
    }
  }

  /// The first `lp` on PATH, if any.
  static func lpPath(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> String?
  {
    let path = environment["PATH"] ?? ""
    for dir in path.split(separator: ":") where !dir.isEmpty {
      let candidate = "\(dir)/lp"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  static func print(_ text: String) throws {
    guard let lp = lpPath() else {
      throw UserError("Impression indisponible : la commande lp n'existe pas sur ce poste.")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: lp)
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw UserError("Impression impossible : lp n'a pas pu être lancé.")
    }
    // A checked write: lp stopping early is an error to show, not a crash of the console.
    var sent = true
    do {
      try CheckedOutput.write(Array(text.utf8), to: input.fileHandleForWriting.fileDescriptor)
    } catch {
      sent = false
    }
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
    if !sent {
      throw UserError("Impression impossible : le coupon n'a pas pu être envoyé à lp.")
    }
    guard process.terminationStatus == 0 else {
      throw UserError("Impression refusée par lp (code \(process.terminationStatus)).")
    }
  }
}
