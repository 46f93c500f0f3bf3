package pe.gob.munlima.convoca.rules;

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
		String[] rendered = new String[values.size()];
		for (int i = 0; i < rendered.length; i++) {
			rendered[i] = text(values.get(i));
		}
		return List.of(rendered);
	}

	/**
	 * An argument of a message as users read it: lists joined, numbers as Lima writes
	 * them.
	 */
	static String text(Object value) {
		if (value instanceof String text) {
			return text;
		}
		if (value instanceof java.util.Collection<?> values) {
			StringBuilder joined = new StringBuilder();
			boolean first = true;
			for (Object each : values) {
				if (!first) {
					joined.append(", ");
				}
				joined.append(text(each));
				first = false;
			}
			return joined.toString();
		}
		if (value instanceof Double number) {
			return number(number.doubleValue());
		}
		if (value instanceof Long number && number != Long.MIN_VALUE) {
			StringBuilder out = new StringBuilder(24);
			if (number < 0) {
				out.append('-');
			}
			return group(out, Math.abs(number)).toString();
		}
		if (value instanceof Long || value instanceof java.math.BigDecimal) {
			return number(new java.math.BigDecimal(value.toString()));
		}
		return String.valueOf(value);
	}

	/**
	 * A double as {@link #number(java.math.BigDecimal)} writes its decimal form (the
	 * shortest that reads back as the same double), without building that form: rounding
	 * the double itself to cents gives the same cents unless it lies within a thousandth
	 * of a cent of a tie, where the exact decimal path decides.
	 */
	static String number(double value) {
		double cents = value * 100;
		if (Math.abs(cents) < 1e12 && Math.abs(cents - Math.floor(cents) - 0.5) > 1e-3) {
			long rounded = (long) Math.rint(cents);
			StringBuilder out = new StringBuilder(24);
			if (rounded < 0) {
				out.append('-');
				rounded = -rounded;
			}
			group(out, rounded / 100);
			int fraction = (int) (rounded % 100);
			if (fraction != 0) {
				out.append('.').append(fraction / 10);
				if (fraction % 10 != 0) {
					out.append(fraction % 10);
				}
			}
			return out.toString();
		}
		return number(new java.math.BigDecimal(Double.toString(value)));
	}

	/** Appends a whole number with a comma every three digits. */
	private static StringBuilder group(StringBuilder out, long whole) {
		String digits = Long.toString(whole);
		for (int i = 0; i < digits.length(); i++) {
			if (i > 0 && (digits.length() - i) % 3 == 0) {
				out.append(',');
			}
			out.append(digits.charAt(i));
		}
		return out;
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
