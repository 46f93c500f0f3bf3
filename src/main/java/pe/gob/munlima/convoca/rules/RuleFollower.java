package pe.gob.munlima.convoca.rules;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import pe.gob.munlima.convoca.changes.Change;
import pe.gob.munlima.convoca.changes.ChangeFollower;

import org.springframework.stereotype.Component;

/**
 * Every rule activation, rollback or folder edit on any node (a row of rule_version,
 * which a trigger logs) becomes the active set of this node too. It starts from the end
 * of the log: at start-up {@link RuleAdmin#recordStartupVersion()} takes the newest set
 * the database holds.
 */
@Component
class RuleFollower implements ChangeFollower {

	private final RuleAdmin admin;

	RuleFollower(RuleAdmin admin) {
		this.admin = admin;
	}

	@Override
	public String name() {
		return "rules";
	}

	@Override
	public Set<Change.Kind> kinds() {
		return Set.of(Change.Kind.RULES);
	}

	@Override
	public OptionalLong resumeAfter() {
		return OptionalLong.empty();
	}

	/** Only the last activation matters: it replaces the ones before it. */
	@Override
	public void apply(List<Change> changes) {
		Change last = changes.get(changes.size() - 1);
		if (last.subjectId() != null) {
			this.admin.follow(last.subjectId());
		}
	}

}
