import Foundation
import GuichetCore
import Testing

@testable import GuichetStore

@Suite struct PasswordHasherTests {
  @Test func productionParametersAreTheCNILScryptOnes() {
    let production = PasswordHasher.production
    #expect([16, 17].contains(production.logRounds), "N = 2^16 or 2^17")
    #expect(production.blockSize == 8)
    #expect(production.parallelism == 1)
    #expect(PasswordHasher.saltBytes == 16)
    #expect(AppDatabase.lockoutThreshold == 5)
    #expect(PasswordPolicy.minimumLength >= 12)
  }

  @Test func aNewDatabaseHashesWithTheProductionParameters() throws {
    #expect(
      try AppDatabase.inMemory().passwordHasher.logRounds == PasswordHasher.production.logRounds)
  }

  @Test func theStoredFormCarriesItsParametersAndARandomSalt() throws {
    let hasher = AccountFixtures.cheap
    let first = try hasher.hash("correct horse battery")
    let second = try hasher.hash("correct horse battery")
    #expect(first != second, "a fresh salt per hash")
    let parts = first.split(separator: "$")
    #expect(parts.prefix(4) == ["scrypt", "10", "8", "1"])
    let (parsed, salt, key) = try #require(PasswordHasher.parameters(of: first))
    #expect(parsed.logRounds == 10)
    #expect(salt.count == 16)
    #expect(key.count == 32)
    #expect(!first.contains("correct"))
  }

  @Test func verifiesTheRightPasswordOnlyWithTheStoredParameters() throws {
    let stored = try AccountFixtures.cheap.hash("correct horse battery")
    #expect(PasswordHasher.verify("correct horse battery", against: stored))
    #expect(!PasswordHasher.verify("correct horse batterz", against: stored))
    #expect(!PasswordHasher.verify("", against: stored))
    #expect(!PasswordHasher.verify("correct horse battery", against: "plain text"))
    #expect(PasswordHasher.production.isStronger(than: stored), "cheap hashes get upgraded")
    #expect(!AccountFixtures.cheap.isStronger(than: stored))
  }

  @Test func constantTimeComparisonComparesWholeArrays() {
    #expect(PasswordHasher.constantTimeEqual([1, 2, 3], [1, 2, 3]))
    #expect(!PasswordHasher.constantTimeEqual([1, 2, 3], [1, 2, 4]))
    #expect(!PasswordHasher.constantTimeEqual([9, 2, 3], [1, 2, 3]))
    #expect(!PasswordHasher.constantTimeEqual([1, 2], [1, 2, 3]))
  }
}
