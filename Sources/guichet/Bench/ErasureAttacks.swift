/// Figures of `guichet bench --only attacks` for this family (filled in by its own change).
enum ErasureAttacks {
  static func results() throws -> [BenchResult] { [] }
}
