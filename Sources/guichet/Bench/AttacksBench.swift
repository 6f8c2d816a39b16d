/// `guichet bench --only attacks`: what an insider or a hostile file was tried against, and how much held.
/// Each family of attacks lives in its own file and returns its own figures.
enum AttacksBench {
  static let measure = BenchMeasure(name: "attacks") { _ in
    try AuditTamperAttacks.results() + ErasureAttacks.results() + MaskingAttacks.results()
  }
}
