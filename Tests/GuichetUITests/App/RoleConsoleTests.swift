import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

/// Each role sees only what it may open: the home screen lists those keys only, the others answer one
/// French line and open nothing, whatever asked for the screen; an advisor lands on their own structure's
/// agenda and a supervisor on the dashboard.
@Suite struct RoleConsoleTests {
  func home(_ role: Role) -> String {
    App.render(Fixture.app(as: role)).text
  }

  @Test func theHomeScreenListsOnlyWhatTheRoleMayOpen() {
    let agent = home(.agent)
    #expect(agent.contains("Nouvelle visite") && agent.contains("Retrouver un RDV (réf., tél.)"))
    #expect(!agent.contains("Administration") && !agent.contains("Tableau de bord"))
    #expect(!agent.contains("Comptes"))
    let supervisor = home(.supervisor)
    #expect(supervisor.contains("Tableau de bord") && supervisor.contains("Recherche"))
    #expect(!supervisor.contains("Nouvelle visite") && !supervisor.contains("Agenda"))
    #expect(!supervisor.contains("Administration") && !supervisor.contains("Comptes"))
    let administrator = home(.administrator)
    #expect(administrator.contains("Administration des opérateurs"))
    #expect(administrator.contains("Comptes") && administrator.contains("Tableau de bord"))
    #expect(!administrator.contains("Nouvelle visite"))
    let advisor = home(.advisor)
    #expect(advisor.contains("Agenda") && !advisor.contains("Tableau de bord"))
  }

  @Test func aForbiddenKeyOpensNothingAndSaysWhoMay() {
    let cases: [(Role, Character, String)] = [
      (.agent, "o", "Réservé aux administrateurs."),
      (.agent, "c", "Réservé aux administrateurs."),
      (.agent, "t", "Réservé aux superviseurs et aux administrateurs."),
      (.supervisor, "o", "Réservé aux administrateurs."),
      (.supervisor, "c", "Réservé aux administrateurs."),
      (.supervisor, "g", "Réservé aux agents d'accueil et aux conseillers."),
      (.supervisor, "n", "Réservé aux agents d'accueil."),
      (.advisor, "a", "Réservé aux agents d'accueil."),
      (.administrator, "v", "Réservé aux agents d'accueil et aux conseillers."),
    ]
    for (role, key, refusal) in cases {
      var app = Fixture.app(as: role)
      #expect(App.reduce(&app, .key(.char(key))) == .none, "\(role) \(key)")
      #expect(app.screens.count == 1)
      #expect(app.message == StatusMessage(refusal, isError: true), "\(role) \(key)")
      #expect(App.render(app).text.contains(refusal))
    }
  }

  @Test func aScreenAskedForByAnyPathIsRefusedToARoleThatMayNotUseIt() {
    var app = Fixture.app(as: .supervisor)
    #expect(App.resolveNavigation(&app, .navigate(.push(.accounts))) == .none)
    #expect(app.screens.count == 1)
    #expect(app.message?.text == "Réservé aux administrateurs.")
    #expect(
      App.resolveNavigation(&app, .navigate(.push(.appointment(.reference(nil))))) == .none)
    #expect(app.screens.count == 1)
  }

  @Test func aSupervisorLandsOnTheDashboardAndAnAdvisorOnTheirAgenda() {
    var supervisor = AppState(context: Fixture.context, size: Size(width: 80, height: 24))
    _ = App.reduce(&supervisor, .session(.signedIn(Fixture.account(.supervisor))))
    guard case .dashboard = supervisor.top else {
      Issue.record("the supervisor lands on the dashboard")
      return
    }
    var advisor = AppState(context: Fixture.context, size: Size(width: 80, height: 24))
    let effect = App.reduce(&advisor, .session(.signedIn(Fixture.account(.advisor))))
    #expect(effect == HomeScreen.loadEffect + .agenda(.loadStructures))
    let other = OperatorStructure(id: 6, kind: .franceTravail, name: "France Travail Annecy")
    let own = OperatorStructure(id: 5, kind: .missionLocale, name: "Mission locale de Chambéry")
    let opened = App.reduce(&advisor, .agenda(.structuresLoaded([other, own])))
    let query = AgendaQuery(
      structureID: 5, mode: .day, day: LocalDate(Fixture.now, in: Fixture.context.timeZone))
    #expect(opened == .agenda(.loadAdvisors(structureID: 5)) + .agenda(.load(query)))
    guard case .agenda(let agenda) = advisor.top else {
      Issue.record("the advisor lands on the agenda")
      return
    }
    #expect(agenda.structures == [own], "no other structure is offered")
    #expect(App.reduce(&advisor, .key(.char("o"))) == .none, "no other structure to pick")
    #expect(App.render(advisor).text.contains("Mission locale de Chambéry"))
  }
}

extension RoleConsoleTests {
  @Test func snapshotsOfTheHomeScreenPerRole() {
    for role in [Role.supervisor, .administrator] {
      #expect(
        snapshotMismatch(App.render(Fixture.app(as: role)), named: "home-\(role.rawValue)-80x24")
          == nil)
    }
  }
}
