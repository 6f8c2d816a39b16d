/// Statistical secrecy of published tables, as statistical offices apply it. The primary rule masks a cell of 1
/// to 4 people. Masking that cell alone is not enough wherever it sits in a published sum: the total minus its
/// shown siblings gives it back. The secondary rule masks a second cell in every such sum, repeated over every
/// additive relation until none has exactly one masked member. Values derived from counts (rates, means) are
/// masked as soon as one of their counts is, since the rate times the shown base would give the count back.
public enum Suppression {
  /// A published sum: `total` equals the sum of `parts` (indexes into the cell values). A 2-D table with
  /// margins is one relation per row, one per column and one for the margins; a hierarchy (site → desks) is one
  /// relation per parent. A cell published twice is a relation with one part.
  public struct Relation: Equatable, Sendable {
    public var total: Int
    public var parts: [Int]
    public init(total: Int, parts: [Int]) {
      self.total = total
      self.parts = parts
    }
  }

  /// A value computed from other cells (a rate, a mean, a median): masked when one of `sources` is.
  public struct Derived: Equatable, Sendable {
    public var cell: Int
    public var sources: [Int]
    public init(cell: Int, sources: [Int]) {
      self.cell = cell
      self.sources = sources
    }
  }

  /// The cells to mask. `primary` are the cells masked for themselves (by default every value of 1 to 4).
  /// With `secondary`, for each relation where exactly one member (a part or the total) is masked, the
  /// smallest unmasked non-zero part is masked too, or the total when no such part is left; a zero is a known
  /// value, so masking one hides nothing. Repeated over every relation until stable, then derived cells follow
  /// their sources. Ties go to the first cell, so the same table always gets the same mask. Without
  /// `secondary`, only `primary` is masked (the rule before secondary suppression, kept to measure the attack).
  public static func masked(
    values: [Int], relations: [Relation], derived: [Derived] = [], primary: Set<Int>? = nil,
    secondary: Bool = true
  ) -> Set<Int> {
    var masked = primary ?? Set(values.indices.filter { SmallCell.isSmall(values[$0]) })
    if secondary {
      var changed = true
      while changed {
        changed = false
        for relation in relations {
          let members = [relation.total] + relation.parts
          guard members.filter(masked.contains).count == 1 else { continue }
          let pick = relation.parts.filter { !masked.contains($0) && values[$0] != 0 }
            .min { (values[$0], $0) < (values[$1], $1) }
          if let pick {
            masked.insert(pick)
            changed = true
          } else if !masked.contains(relation.total) {
            masked.insert(relation.total)
            changed = true
          }
        }
      }
      for value in derived where value.sources.contains(where: masked.contains) {
        masked.insert(value.cell)
      }
    }
    return masked
  }
}
