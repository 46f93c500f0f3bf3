package pe.gob.munlima.convoca.rules;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where rules that read a project write: one fact per evaluation, however many projects
 * are judged in it. The rule names the project its finding is about,
 * {@code $f.about($p).notEligible(...)}, so one project's reasons can never reach another
 * project, and the engine needs no join between each project and findings of its own
 * (which cost more than the rules themselves when a call is judged against hundreds of
 * projects). Also renders the arguments of every finding as Lima writes them.
 */
public final class Findings {

	/** By identity: the project facts given to this evaluation, not equal copies. */
	private final Map<ProjectFacts, Reasons> byProject;

	Findings(int projects) {
		this.byProject = new IdentityHashMap<>(projects);
	}

	/** The reasons of a project judged in this evaluation. */
	public Reasons about(ProjectFacts project) {
		Reasons reasons = this.byProject.get(project);
		if (reasons == null) {
			throw new IllegalArgumentException("project " + project.projectId() + " is not judged in this evaluation");
		}
		return reasons;
	}

	/** Opens the reasons of a project about to be judged. */
	Reasons open(ProjectFacts project) {
		Reasons reasons = new Reasons();
		if (this.byProject.put(project, reasons) != null) {
			throw new IllegalArgumentException("project " + project.projectId() + " given twice");
		}
		return reasons;
	}

	static List<String> texts(List<?> values) {
		List<String> rendered = new ArrayList<>(values.size());
		for (Object value : values) {
			rendered.add(text(value));
		}
		return rendered;
	}

	static String text(Object value) {
		if (value instanceof java.util.Collection<?> values) {
			return String.join(", ", values.stream().map(Findings::text).toList());
		}
		if (value instanceof Double || value instanceof Long || value instanceof java.math.BigDecimal) {
			return number(new java.math.BigDecimal(value.toString()));
		}
		return String.valueOf(value);
	}

	/**
	 * Money, populations and percentages as Lima writes them: 1,500,000 and 12.5 (at most
	 * two decimals, no locale involved). Hand-written because rules format numbers
	 * millions of times in a re-match, and a DecimalFormat per call costs more than the
	 * rule itself.
	 */
	public static String number(java.math.BigDecimal value) {
		java.math.BigDecimal rounded = value.setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
		String plain = rounded.abs().toPlainString();
		int dot = plain.indexOf('.');
		String whole = dot < 0 ? plain : plain.substring(0, dot);
		StringBuilder out = new StringBuilder(plain.length() + whole.length() / 3 + 1);
		if (rounded.signum() < 0) {
			out.append('-');
		}
		for (int i = 0; i < whole.length(); i++) {
			if (i > 0 && (whole.length() - i) % 3 == 0) {
				out.append(',');
			}
			out.append(whole.charAt(i));
		}
		if (dot >= 0) {
			out.append(plain, dot, plain.length());
		}
		return out.toString();
	}

}
