package pe.gob.munlima.convoca.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.crawl.SourceHealth;
import pe.gob.munlima.convoca.match.MatchedCall;
import pe.gob.munlima.convoca.match.NewMatchSignal;
import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.programme.Programmes;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.tracking.OverdueTask;

/**
 * What a digest tells, in no language yet: the facts of one window, for the whole office
 * or narrowed to one gerencia.
 *
 * @param newMatches project matches (ELIGIBLE, NEEDS_REVIEW) no digest announced yet
 * @param withoutProject gerencia matches no digest announced yet: calls that fit a
 * gerencia none of whose projects can use them
 * @param closing fitting calls whose deadline falls in the next days, nearest first
 * @param changed changes of fitting calls recorded in the window
 * @param fits for each call, the gerencias (codes) it fits, to narrow the digest
 * @param failingSources sources that are DOWN (office digest only)
 * @param overdue checklist tasks of applications under way whose internal due date
 * passed, of calls still open (task texts in Spanish; a recipient reading English gets
 * them again in English)
 * @param selection the new matches (project and gerencia ones) grouped by call, best fit
 * first, with those whose subject fits the call marked shown: the digest lists those, and
 * counts the rest behind "ver todas"
 * @param soon expected windows of recurring programmes that fit some project, starting
 * within the lead time ("Se abrirán pronto")
 */
record DigestData(String period, Instant from, Instant to, List<MatchedCall> newMatches,
		List<MatchedCall> withoutProject, List<CallView> closing, List<CallEvent> changed,
		List<SourceHealth.FailingSource> failingSources, List<OverdueTask> overdue, Map<Long, CallView> calls,
		Map<Long, ProjectProfile> projects, Map<Long, GerenciaProfile> gerencias, Map<Long, Set<String>> fits,
		NewMatchSignal.Selection selection, List<Programmes.Soon> soon) {

	/**
	 * Nothing to tell: no new match that fits (those that do not are only counted), no
	 * deadline, change, failing source or overdue task.
	 */
	boolean isEmpty() {
		return this.selection.calls().isEmpty() && this.closing.isEmpty() && this.changed.isEmpty()
				&& this.failingSources.isEmpty() && this.overdue.isEmpty() && this.soon.isEmpty();
	}

	/** Everything announced: the office digest and every gerencia's come from one run. */
	List<MatchedCall> announced() {
		return java.util.stream.Stream.concat(this.newMatches.stream(), this.withoutProject.stream()).toList();
	}

	/** The part of one gerencia; the office (null) sees everything. */
	DigestData narrowedTo(String gerencia) {
		if (gerencia == null) {
			return this;
		}
		Predicate<MatchedCall> ofGerencia = match -> gerencia.equals(gerenciaOf(match));
		Predicate<Long> fitsGerencia = callId -> this.fits.getOrDefault(callId, Set.of()).contains(gerencia);
		return new DigestData(this.period, this.from, this.to, this.newMatches.stream().filter(ofGerencia).toList(),
				this.withoutProject.stream().filter(ofGerencia).toList(),
				this.closing.stream().filter(call -> fitsGerencia.test(call.id())).toList(),
				this.changed.stream().filter(event -> fitsGerencia.test(event.callId())).toList(), List.of(),
				this.overdue.stream().filter(task -> gerencia.equals(task.gerencia())).toList(), this.calls,
				this.projects, this.gerencias, this.fits, this.selection.narrowedTo(gerencia),
				this.soon.stream().filter(window -> !window.of(gerencia).isEmpty()).toList());
	}

	/** The code of the gerencia a match belongs to (the project's, or its own). */
	String gerenciaOf(MatchedCall match) {
		if (match.projectId() != null) {
			ProjectProfile project = this.projects.get(match.projectId());
			return project == null ? null : project.gerencia().code();
		}
		GerenciaProfile gerencia = this.gerencias.get(match.gerenciaId());
		return gerencia == null ? null : gerencia.code();
	}

}
