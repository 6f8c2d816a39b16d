import Foundation

/// Which appointments the agenda shows: a day, a week from its Monday, or the backlog of past ones never filled in.
public enum AgendaMode: Equatable, Sendable {
  case day, week, backlog
}

/// One load of the agenda: a structure, optionally one advisor, a mode and the day it is anchored on.
public struct AgendaQuery: Equatable, Sendable {
  public var structureID: Int64
  public var advisorID: Int64?
  public var mode: AgendaMode
  public var day: LocalDate

  public init(structureID: Int64, advisorID: Int64? = nil, mode: AgendaMode, day: LocalDate) {
    self.structureID = structureID
    self.advisorID = advisorID
    self.mode = mode
    self.day = day
  }

  /// The first day loaded: the day itself, or the Monday of its week.
  public var firstDay: LocalDate { mode == .week ? day.startOfWeek : day }
}

/// What a load brings back: the entries, and the titles of the métiers consulted at the first level.
public struct AgendaPage: Equatable, Sendable {
  public var query: AgendaQuery
  public var entries: [AgendaEntry]
  public var occupationTitles: [String: String]

  public init(query: AgendaQuery, entries: [AgendaEntry], occupationTitles: [String: String] = [:])
  {
    self.query = query
    self.entries = entries
    self.occupationTitles = occupationTitles
  }
}
