import Testing

@testable import GuichetUI

@Suite struct VisitSelectionTests {
  @Test func reloadKeepsTheSamePersonHighlighted() {
    var list = VisitSelection()
    list.load([Fixture.visit(id: 1, minutesAgo: 9), Fixture.visit(id: 2, minutesAgo: 5)])
    list.move(by: 1)
    #expect(list.selected?.id == 2)
    // Another desk took person 1: the list shrinks, the highlight stays on person 2.
    list.load([Fixture.visit(id: 2, minutesAgo: 5), Fixture.visit(id: 3, minutesAgo: 1)])
    #expect(list.selected?.id == 2)
    list.load([Fixture.visit(id: 3, minutesAgo: 1)])
    #expect(list.selected?.id == 3)
    list.load([])
    #expect(list.selected == nil)
  }

  @Test func firstLoadCanStartOnTheLatest() {
    var list = VisitSelection()
    list.load(
      [Fixture.visit(id: 1, minutesAgo: 9), Fixture.visit(id: 2, minutesAgo: 5)], initial: .last)
    #expect(list.selected?.id == 2)
  }

  @Test func windowScrollsToKeepTheHighlightVisible() {
    var list = VisitSelection()
    list.load((1...10).map { Fixture.visit(id: Int64($0), minutesAgo: Double(20 - $0)) })
    list.move(by: 7)
    let window = list.window(rows: 3)
    #expect(window.map(\.index) == [5, 6, 7])
    #expect(window.map(\.line) == [0, 1, 2])
    list.move(by: 100)
    #expect(list.selected?.id == 10)
  }
}
