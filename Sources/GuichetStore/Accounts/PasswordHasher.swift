import Crypto
import Foundation
import GuichetCore
import Synchronization
import _CryptoExtras

/// Passwords go through scrypt from swift-crypto (never a home-made primitive), with a 16-byte random salt per
/// hash. The stored form carries its parameters, « scrypt$N$r$p$salt$hash » (base64), so a later change of
/// cost still verifies old hashes and upgrades them at the next login.
struct PasswordHasher: Sendable {
  var logRounds: Int
  var blockSize: Int
  var parallelism: Int

  /// CNIL: scrypt with N = 2^16 (64 MiB), r = 8, p = 1.
  static let production = PasswordHasher(logRounds: 16, blockSize: 8, parallelism: 1)

  static let saltBytes = 16
  static let keyBytes = 32

  func hash(_ password: String) throws -> String {
    var salt = [UInt8](repeating: 0, count: Self.saltBytes)
    var generator = SystemRandomNumberGenerator()
    for index in salt.indices { salt[index] = generator.next() }
    return storedForm(salt: salt, key: try derive(password, salt: salt))
  }

  func storedForm(salt: [UInt8], key: [UInt8]) -> String {
    [
      "scrypt", "\(logRounds)", "\(blockSize)", "\(parallelism)",
      Data(salt).base64EncodedString(), Data(key).base64EncodedString(),
    ].joined(separator: "$")
  }

  /// The parameters a stored hash was made with, or nil when it is not a hash this code wrote.
  static func parameters(of stored: String) -> (PasswordHasher, salt: Data, key: Data)? {
    let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
    guard parts.count == 6, parts[0] == "scrypt", let log = Int(parts[1]), let r = Int(parts[2]),
      let p = Int(parts[3]), (10...20).contains(log), (1...32).contains(r), (1...16).contains(p),
      let salt = Data(base64Encoded: String(parts[4])), salt.count == saltBytes,
      let key = Data(base64Encoded: String(parts[5])), key.count == keyBytes
    else { return nil }
    return (PasswordHasher(logRounds: log, blockSize: r, parallelism: p), salt, key)
  }

  /// Recomputes with the stored parameters and compares in constant time.
  static func verify(_ password: String, against stored: String) -> Bool {
    guard let (hasher, salt, key) = parameters(of: stored),
      let derived = try? hasher.derive(password, salt: Array(salt))
    else { return false }
    return constantTimeEqual(derived, Array(key))
  }

  /// True when the hash was made with weaker parameters than `self`: rehash at the next good login.
  func isStronger(than stored: String) -> Bool {
    guard let (old, _, _) = Self.parameters(of: stored) else { return true }
    return old.logRounds < logRounds || old.blockSize < blockSize
  }

  /// A stored form no password matches (random salt and random key, this hasher's cost), made without a
  /// derivation: verifying a password against it costs exactly what verifying against a real account does.
  func decoy() -> String {
    var generator = SystemRandomNumberGenerator()
    let salt = (0..<Self.saltBytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    let key = (0..<Self.keyBytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    return storedForm(salt: salt, key: key)
  }

  /// Counts the scrypt derivations of the current task: tests compare the work of two logins with it,
  /// never with a clock.
  @TaskLocal static var derivations: DerivationCounter?

  func derive(_ password: String, salt: [UInt8]) throws -> [UInt8] {
    Self.derivations?.add()
    let key = try KDF.Scrypt.deriveKey(
      from: Array(password.utf8), salt: salt, outputByteCount: Self.keyBytes,
      rounds: 1 << logRounds, blockSize: blockSize, parallelism: parallelism)
    return key.withUnsafeBytes { Array($0) }
  }

  /// Every byte is compared whatever the first difference, so timing says nothing about the hash.
  static func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
    guard left.count == right.count else { return false }
    var difference: UInt8 = 0
    for index in left.indices { difference |= left[index] ^ right[index] }
    return difference == 0
  }
}

/// How many scrypt derivations ran while it was bound to `PasswordHasher.derivations`.
final class DerivationCounter: Sendable {
  private let count = Mutex(0)

  func add() { count.withLock { $0 += 1 } }
  var value: Int { count.withLock { $0 } }
}
