/// A BMO figure summed over several bassins: the published part, and whether statistical secrecy hides some of it.
/// A hidden figure is never read as 0: the total is then a lower bound, and shown as such.
public struct BMOFigure: Equatable, Hashable, Sendable {
  public var known: Int
  public var hasSecret: Bool

  public init(known: Int = 0, hasSecret: Bool = false) {
    self.known = known
    self.hasSecret = hasSecret
  }

  /// Entirely hidden: nothing published, some rows secret.
  public var isSecret: Bool { hasSecret && known == 0 }

  public static func + (lhs: BMOFigure, rhs: BMOFigure) -> BMOFigure {
    BMOFigure(known: lhs.known + rhs.known, hasSecret: lhs.hasSecret || rhs.hasSecret)
  }

  /// Percentage of `total` (rounded), only when both figures are fully published.
  public func share(of total: BMOFigure) -> Int? {
    guard !hasSecret, !total.hasSecret, total.known > 0 else { return nil }
    return Int((Double(known) * 100 / Double(total.known)).rounded())
  }
}

/// One BMO métier (FAP2021) for a territory.
public struct LabourNeed: Equatable, Hashable, Sendable {
  public var fapCode: String
  public var label: String
  /// The BMO family it belongs to (« Fonctions sociales et médico-sociales »).
  public var familyLabel: String
  public var recruitments: BMOFigure
  public var difficult: BMOFigure
  public var seasonal: BMOFigure

  public init(
    fapCode: String, label: String, familyLabel: String, recruitments: BMOFigure,
    difficult: BMOFigure, seasonal: BMOFigure
  ) {
    self.fapCode = fapCode
    self.label = label
    self.familyLabel = familyLabel
    self.recruitments = recruitments
    self.difficult = difficult
    self.seasonal = seasonal
  }
}

/// « Besoins en main-d'œuvre » for a territory: its BMO métiers by planned recruitments, largest first.
/// FAP2021 joins to no ROME table, so these are never linked to métier fiches.
public struct LabourNeeds: Equatable, Sendable {
  public var territory: Territory
  public var bassins: [Bassin]
  public var year: Int?
  public var needs: [LabourNeed]
  public var total: BMOFigure
  public var source: DataSource?

  public init(
    territory: Territory, bassins: [Bassin], year: Int?, needs: [LabourNeed], total: BMOFigure,
    source: DataSource?
  ) {
    self.territory = territory
    self.bassins = bassins
    self.year = year
    self.needs = needs
    self.total = total
    self.source = source
  }
}
