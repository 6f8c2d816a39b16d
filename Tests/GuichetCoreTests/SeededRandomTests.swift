import GuichetCore
import Testing

/// The generator is SplitMix64 as published, so a seed replays the same run on any machine.
@Suite("Seeded random")
struct SeededRandomTests {
  @Test func matchesTheReferenceSplitMix64Outputs() {
    // The first outputs of the reference C implementation from state 0.
    var random = SeededRandom(state: 0)
    #expect(random.next() == 0xE220_A839_7B1D_CDAF)
    #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
    #expect(random.next() == 0x06C4_5D18_8009_454F)
  }

  @Test func theSameSeedGivesTheSameDraws() {
    var first = SeededRandom(state: 20_261_129)
    var second = SeededRandom(state: 20_261_129)
    var other = SeededRandom(state: 20_261_130)
    let a = (0..<100).map { _ in Int.random(in: 0..<1_000, using: &first) }
    #expect(a == (0..<100).map { _ in Int.random(in: 0..<1_000, using: &second) })
    #expect(a != (0..<100).map { _ in Int.random(in: 0..<1_000, using: &other) })
  }
}
