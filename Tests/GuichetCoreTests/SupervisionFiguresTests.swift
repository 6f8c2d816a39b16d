import GuichetCore
import Testing

@Suite struct SupervisionFiguresTests {
  @Test func percentilesAreNearestRankOverTheHistogram() {
    let histogram = Histogram([1: 4, 3: 4, 10: 2])
    #expect(histogram.percentile(0.5) == 3)
    #expect(histogram.percentile(0.9) == 10)
    #expect(histogram.percentile(0.4) == 1)
    #expect(Histogram().percentile(0.5) == nil)
    #expect(histogram.mean == 3.6)
  }

  @Test func cellsOfOneToFourPeopleAreSmall() {
    #expect(!SmallCell.isSmall(0))
    #expect(SmallCell.isSmall(1))
    #expect(SmallCell.isSmall(4))
    #expect(!SmallCell.isSmall(5))
    #expect(IndicatorLine.percent(.noShow, "Taux", "x", 3, of: 40).isSmall)
    #expect(IndicatorLine.percent(.noShow, "Taux", "x", 6, of: 4).isSmall)
    #expect(!IndicatorLine.percent(.noShow, "Taux", "x", 0, of: 40).isSmall)
    #expect(!IndicatorLine.count(.visits, "Total", "x", 12).isSmall)
  }

  @Test func valuesReadTheFrenchWayOnScreenAndWithADotInFiles() {
    let rate = IndicatorLine.percent(.funnel, "Part", "x", 1, of: 3)
    #expect(rate.frenchValue == "33,3 %")
    #expect(rate.plainValue == "33.3")
    let none = IndicatorLine.percent(.funnel, "Part", "x", 0, of: 0)
    #expect(none.frenchValue == "—")
    #expect(none.plainValue == "")
    #expect(
      IndicatorLine(.deskWait, "Attente", "Médiane", 8, .minutes, people: [9]).frenchValue
        == "8 min")
  }

  @Test func periodsMoveByTheirOwnLength() {
    let day = LocalDate(year: 2024, month: 1, day: 31)!
    let month = SupervisionPeriod(.month, containing: day)
    #expect(month.moved(by: 1).first == LocalDate(year: 2024, month: 2, day: 1))
    #expect(month.moved(by: 1).last == LocalDate(year: 2024, month: 2, day: 29))
    #expect(month.moved(by: -1).label == "décembre 2023")
    let week = SupervisionPeriod(.week, containing: day)
    #expect(week.first.weekday == .monday)
    #expect(week.dayCount == 7)
    #expect(SupervisionPeriod(.year, containing: day).dayCount == 366)
    #expect(
      SupervisionPeriod(from: day, to: day.adding(days: 9)).moved(by: 1).first
        == day.adding(days: 10))
  }
}

@Suite struct FrenchFigureTests {
  @Test func countsAreGroupedByThousandsWithANoBreakSpace() {
    #expect(SupervisionFormat.grouped(0) == "0")
    #expect(SupervisionFormat.grouped(999) == "999")
    #expect(SupervisionFormat.grouped(15_271) == "15\u{00A0}271")
    #expect(SupervisionFormat.grouped(1_234_567) == "1\u{00A0}234\u{00A0}567")
    #expect(SupervisionFormat.grouped(-4_000) == "-4\u{00A0}000")
    // One terminal column, like the space it stands for.
    #expect(DisplayWidth.of(SupervisionFormat.grouped(15_271)) == 6)
  }

  @Test func zeroAndOneTakeTheSingular() {
    #expect(SupervisionFormat.counted(0, "visite", "visites") == "visite")
    #expect(SupervisionFormat.counted(1, "visite", "visites") == "visite")
    #expect(SupervisionFormat.counted(2, "visite", "visites") == "visites")
  }

  @Test func aNarrowerViewOpensOnTodaysPlace() {
    let today = LocalDate(year: 2026, month: 12, day: 31)!
    let year2025 = SupervisionPeriod(.year, containing: LocalDate(year: 2025, month: 3, day: 1)!)
    #expect(year2025.anchor(today: today) == LocalDate(year: 2025, month: 12, day: 31)!)
    let february = SupervisionPeriod(.month, containing: LocalDate(year: 2025, month: 2, day: 1)!)
    #expect(february.anchor(today: today) == LocalDate(year: 2025, month: 2, day: 28)!)
    let thisYear = SupervisionPeriod(.year, containing: today)
    #expect(thisYear.anchor(today: today) == today)
    let week = SupervisionPeriod(.week, containing: LocalDate(year: 2025, month: 6, day: 4)!)
    #expect(week.anchor(today: today) == week.first)
  }
}
