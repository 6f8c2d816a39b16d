/// Figures of `guichet bench --only attacks` for this family (filled in by its own change).
enum MaskingAttacks {
  static func results() throws -> [BenchResult] { [] }
}
