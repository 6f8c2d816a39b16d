import GuichetCore
import Testing

/// Secondary suppression: no published sum is left with exactly one masked member, zeros are never picked,
/// derived values follow their counts, and the decision is the same every time.
@Suite struct SuppressionTests {
  typealias Relation = Suppression.Relation

  /// Every relation has zero or at least two masked members: subtraction gives nothing back.
  static func safe(_ masked: Set<Int>, _ relations: [Relation]) -> Bool {
    relations.allSatisfy { relation in
      ([relation.total] + relation.parts).filter(masked.contains).count != 1
    }
  }

  @Test func oneMaskedCellAmongSiblingsTakesTheSmallestOtherNonZeroWithIt() {
    // Saint-Étienne 18 = Poste 1 (9) + Poste 2 (8) + Poste 3 (1): Poste 3 alone is 18 − 9 − 8.
    let values = [18, 9, 8, 1]
    let relations = [Relation(total: 0, parts: [1, 2, 3])]
    #expect(Suppression.masked(values: values, relations: relations, secondary: false) == [3])
    #expect(Suppression.masked(values: values, relations: relations) == [2, 3])
  }

  @Test func whenNoOtherPartIsLeftTheTotalIsMasked() {
    // 9 = 9 + 0 with the 9 masked (as a secondary cell elsewhere): the zero is known, so only masking the
    // total hides the 9.
    let relations = [Relation(total: 0, parts: [1, 2])]
    #expect(Suppression.masked(values: [9, 9, 0], relations: relations, primary: [1]) == [0, 1])
    // A masked total whose parts are all shown is recovered by adding them: a part goes with it.
    #expect(
      Suppression.masked(
        values: [12, 7, 5, 0], relations: [Relation(total: 0, parts: [1, 2, 3])], primary: [0])
        == [0, 2])
  }

  @Test func zerosAreNeverPickedAsTheSecondCell() {
    let values = [20, 0, 2, 0, 18]
    let masked = Suppression.masked(
      values: values, relations: [Relation(total: 0, parts: [1, 2, 3, 4])])
    #expect(masked == [2, 4])
  }

  @Test func aTwoWayTableWithMarginsIsProtectedInRowsColumnsAndMargins() {
    // Rows a, b; columns x, y, z. Cells 0…5 (a·x a·y a·z b·x b·y b·z), row totals 6, 7, column totals
    // 8, 9, 10, grand total 11.
    let values = [10, 3, 12, 8, 9, 7, 25, 24, 18, 12, 19, 49]
    let relations = [
      Relation(total: 6, parts: [0, 1, 2]), Relation(total: 7, parts: [3, 4, 5]),
      Relation(total: 8, parts: [0, 3]), Relation(total: 9, parts: [1, 4]),
      Relation(total: 10, parts: [2, 5]), Relation(total: 11, parts: [6, 7]),
      Relation(total: 11, parts: [8, 9, 10]),
    ]
    let masked = Suppression.masked(values: values, relations: relations)
    #expect(masked.contains(1))
    #expect(Self.safe(masked, relations))
    // a·y (3) then a·x (10, the smallest other of its row), b·y and b·x for their columns: a rectangle.
    #expect(masked == [0, 1, 3, 4])
  }

  @Test func aHierarchyIsProtectedAtEveryLevel() {
    // Total 0 = sites 1, 2; site 1 = desks 3, 4; site 2 = desks 5, 6. Desk 6 has 2 people.
    let values = [40, 22, 18, 12, 10, 16, 2]
    let relations = [
      Relation(total: 0, parts: [1, 2]), Relation(total: 1, parts: [3, 4]),
      Relation(total: 2, parts: [5, 6]),
    ]
    let masked = Suppression.masked(values: values, relations: relations)
    #expect(Self.safe(masked, relations))
    #expect(masked.isSuperset(of: [6, 5]))
    // A desk that is its site's only one is masked with it, and then the site too needs a sibling.
    let single = Suppression.masked(
      values: [30, 27, 3, 3],
      relations: [
        Relation(total: 0, parts: [1, 2]), Relation(total: 2, parts: [3]),
      ])
    #expect(single == [1, 2, 3])
  }

  @Test func theResultIsStableAndTheSameEveryTime() {
    let values = [30, 4, 6, 6, 14, 30, 10, 20]
    let relations = [
      Relation(total: 0, parts: [1, 2, 3, 4]), Relation(total: 5, parts: [6, 7]),
      Relation(total: 0, parts: [5]),
    ]
    let masked = Suppression.masked(values: values, relations: relations)
    // Ties (6 and 6) go to the first cell.
    #expect(masked == [1, 2])
    // Masking again from the result changes nothing: the rule has reached its fixed point.
    #expect(Suppression.masked(values: values, relations: relations, primary: masked) == masked)
    #expect(Self.safe(masked, relations))
  }

  @Test func derivedValuesAreMaskedWithTheirCounts() {
    // Count 1 (12) is masked as a secondary cell; the rate 3 computed from it must not show it.
    let values = [20, 12, 3, 0]
    let masked = Suppression.masked(
      values: values, relations: [Relation(total: 0, parts: [1, 2])],
      derived: [Suppression.Derived(cell: 3, sources: [1, 0])],
      primary: [2])
    #expect(masked == [1, 2, 3])
  }

  @Test func figuresMaskTheDesksOfASiteAndTheScoresWithTheirMean() {
    var figures = SupervisionFigures(
      period: SupervisionPeriod(.month, containing: LocalDate(year: 2025, month: 3, day: 1)!),
      filter: SupervisionFilter(),
      names: SupervisionNames(
        sites: ["1": "Saint-Étienne"],
        desks: [
          "1": "Saint-Étienne · Poste 1", "2": "Saint-Étienne · Poste 2",
          "3": "Saint-Étienne · Poste 3",
        ],
        deskSites: ["1": "1", "2": "1", "3": "1"]))
    figures.visits = 18
    figures.breakdowns = [
      .site: [CodeCount(code: "1", count: 18)],
      .desk: [
        CodeCount(code: "1", count: 9), CodeCount(code: "2", count: 8),
        CodeCount(code: "3", count: 1),
      ],
    ]
    figures.satisfaction.closed = 18
    figures.satisfaction.scores = Histogram([5: 10, 4: 6, 2: 2])
    let lines = figures.lines()
    func masked(_ group: String, _ item: String) -> Bool? {
      lines.first { $0.group == group && $0.item == item }?.masked
    }
    #expect(masked("Poste", "Saint-Étienne · Poste 3") == true)
    #expect(masked("Poste", "Saint-Étienne · Poste 2") == true)
    #expect(masked("Poste", "Saint-Étienne · Poste 1") == false)
    #expect(masked("Site", "Saint-Étienne") == false)
    #expect(masked("Note", "2 / 5") == true)
    #expect(masked("Note", "4 / 5") == true)
    #expect(masked("Note", "Moyenne") == true)
    #expect(masked("Note", "1 / 5") == false)
    #expect(SupervisionExport.csv(figures).contains("Poste 2,< 5,"))
    figures.secondarySuppression = false
    #expect(figures.lines().filter(\.masked).map(\.item) == ["Saint-Étienne · Poste 3", "2 / 5"])
  }
}
