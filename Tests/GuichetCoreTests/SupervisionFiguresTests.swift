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
