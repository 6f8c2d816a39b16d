import Foundation
import GuichetCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Output that tells the truth: an export on a full disk must fail loudly, not exit 0 with an empty file.
/// `print` buffers and drops errors, and `FileHandle.write` traps on Linux, so every byte goes through
/// `write(2)` here, with errno turned into a French reason.
public enum CheckedOutput {
  /// Writes all of `bytes` to `descriptor`, resuming after short writes and signals; throws the errno.
  public static func write(_ bytes: [UInt8], to descriptor: Int32) throws(OutputFailure) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer in
        Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw OutputFailure(code: errno)
      }
      offset += written
    }
  }

  /// Text on the standard output; a failure is a French `UserError`.
  public static func standardOutput(_ text: String) throws {
    do {
      try write(Array(text.utf8), to: STDOUT_FILENO)
    } catch {
      throw UserError(standardOutputMessage(error.code))
    }
  }

  /// The end of a command: what stdio may still buffer (ArgumentParser's own output), then, for a regular
  /// file, `fsync` (a full disk or quota can show only then) and `close`, whose error is the last word.
  public static func finishStandardOutput() throws {
    // Every stdio stream (only ArgumentParser still writes through stdio; `stdout` itself is not Sendable).
    if fflush(nil) != 0 {
      throw UserError(standardOutputMessage(errno))
    }
    var info = stat()
    guard fstat(STDOUT_FILENO, &info) == 0 else { return }
    if info.st_mode & S_IFMT == S_IFREG, fsync(STDOUT_FILENO) != 0,
      errno != EINVAL, errno != EROFS
    {
      throw UserError(standardOutputMessage(errno))
    }
    if close(STDOUT_FILENO) != 0, errno != EINTR {
      throw UserError(standardOutputMessage(errno))
    }
  }

  /// Replaces `path` with `content`, mode 0600: a temporary file next to it, written, flushed to disk and
  /// closed with every error checked, then renamed over it, so a full disk never leaves a truncated file.
  public static func writeFile(_ content: String, to path: String) throws {
    let directory = SafeFile.directory(of: path)
    let name = URL(fileURLWithPath: path).lastPathComponent
    let temporary = try SafeFile.createTemporary(in: directory, named: name)
    var done = false
    defer { if !done { unlink(temporary) } }
    let descriptor = open(temporary, O_WRONLY | O_TRUNC)
    guard descriptor >= 0 else { throw UserError(fileMessage(path, errno)) }
    do {
      try write(Array(content.utf8), to: descriptor)
    } catch {
      close(descriptor)
      throw UserError(fileMessage(path, error.code))
    }
    if fsync(descriptor) != 0 {
      let code = errno
      close(descriptor)
      throw UserError(fileMessage(path, code))
    }
    guard close(descriptor) == 0 else { throw UserError(fileMessage(path, errno)) }
    try SafeFile.rename(temporary, over: path)
    done = true
  }

  public static func standardOutputMessage(_ code: Int32) -> String {
    "Écriture impossible sur la sortie standard : \(reason(code)). La sortie est incomplète : ne l'utilisez pas."
  }

  static func fileMessage(_ path: String, _ code: Int32) -> String {
    "Écriture impossible dans « \(path) » : \(reason(code)). Rien n'a été enregistré."
  }

  static func reason(_ code: Int32) -> String {
    switch code {
    case EPIPE: "le programme qui lisait la sortie s'est arrêté"
    case EIO: "erreur d'entrée-sortie"
    case EBADF: "sortie fermée"
    default: SafeFile.frenchReason(code)
    }
  }
}

/// An errno from a failed write, for callers that word their own message.
public struct OutputFailure: Error, Sendable {
  public var code: Int32
}
