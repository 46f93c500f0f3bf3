package pe.gob.munlima.convoca.rules;

import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.mvel.parser.DrlxParser;
import org.drools.mvel.parser.ast.expr.BigDecimalLiteralExpr;
import org.drools.mvel.parser.ast.expr.DrlNameExpr;
import org.drools.mvel.parser.ast.expr.DrlxExpression;
import org.drools.mvel.parser.ast.expr.HalfBinaryExpr;
import org.drools.mvel.parser.ast.expr.PointFreeExpr;

import pe.gob.munlima.convoca.requirement.Fact;
import pe.gob.munlima.convoca.requirement.Requirements;

/**
 * Accepts a rule file only when everything in it is on a list; anything else is refused
 * with its file, line and what was refused, before the file is stored, compiled or run.
 * <p>
 * Why an allow-list: DRL runs Java (consequences) and MVEL (constraints), the JVM has no
 * sandbox any more, and a pattern over the text let {@code java.util.Formatter},
 * {@code FileHandler}, a class loader and thread pools through. So the file is parsed as
 * Drools parses it (package descriptors), every constraint with Drools' own expression
 * parser and every consequence with a Java parser, and each node must be one of a few
 * kinds: names of facts bound in the rule and their properties, calls of the methods of
 * Convoca's fact and findings types and of a fixed list of value types, literals and
 * operators. A consequence is only calls on the findings ({@code $f.notEligible(...)},
 * {@code $f.about($p).pass(...)}); there is no {@code new}, no loop, no lambda, no
 * {@code .class}, no static call beyond {@code List.of} and its like, and no function,
 * global, query, declare, attribute, {@code eval}, {@code from} or {@code accumulate}.
 */
final class RuleAllowList {

	/** Facts a rule may match, by the simple name a rule file imports them with. */
	private static final Map<String, Class<?>> PATTERN_TYPES = byName(CallFacts.class, ProjectFacts.class,
			ApplicantFacts.class, EvaluationContext.class, Findings.class, CallFindings.class);

	/** Everything a rule file may import: the facts and the value types. */
	private static final Map<String, Class<?>> IMPORTS = new LinkedHashMap<>();

	/** Types whose (listed) methods a rule may call, and which methods. */
	private static final Map<Class<?>, Set<String>> METHODS = new LinkedHashMap<>();

	/** The only static calls: building a list, a set, a date, a decimal. */
	private static final Map<String, Set<String>> STATICS = Map.of("List", Set.of("of"), "Set", Set.of("of"),
			"LocalDate", Set.of("of"), "BigDecimal", Set.of("valueOf"));

	/** Where a consequence writes: the findings API, nothing else. */
	private static final Set<String> FINDINGS_CALLS = Set.of("notEligible", "needsReview", "pass");

	/** The operators of {@code contains}-like constraints. */
	private static final Set<String> POINT_FREE = Set.of("contains", "memberOf");

	private static final Set<BinaryExpr.Operator> OPERATORS = Set.of(BinaryExpr.Operator.OR, BinaryExpr.Operator.AND,
			BinaryExpr.Operator.EQUALS, BinaryExpr.Operator.NOT_EQUALS, BinaryExpr.Operator.LESS,
			BinaryExpr.Operator.GREATER, BinaryExpr.Operator.LESS_EQUALS, BinaryExpr.Operator.GREATER_EQUALS,
			BinaryExpr.Operator.PLUS, BinaryExpr.Operator.MINUS, BinaryExpr.Operator.MULTIPLY,
			BinaryExpr.Operator.DIVIDE, BinaryExpr.Operator.REMAINDER);

	static {
		PATTERN_TYPES.forEach((name, type) -> IMPORTS.put(type.getName(), type));
		IMPORTS.put(Reasons.class.getName(), Reasons.class);
		for (Class<?> value : List.of(List.class, Set.class, Map.class, Collection.class, LocalDate.class,
				BigDecimal.class)) {
			IMPORTS.put(value.getName(), value);
		}
		for (Class<?> fact : List.of(CallFacts.class, ProjectFacts.class, ApplicantFacts.class,
				EvaluationContext.class)) {
			METHODS.put(fact, declaredMethods(fact));
		}
		// The requirements model, so a rule can read a fact the day it is added to it
		// ("requirements.timing.standing"): its accessors only read.
		for (Class<?> model : List.of(Requirements.class, Requirements.Applicants.class, Requirements.Places.class,
				Requirements.Money.class, Requirements.Timing.class, Requirements.Partners.class, Fact.class)) {
			METHODS.put(model, declaredMethods(model));
		}
		METHODS.put(Findings.class, Set.of("about"));
		METHODS.put(Reasons.class, FINDINGS_CALLS);
		METHODS.put(CallFindings.class, FINDINGS_CALLS);
		METHODS.put(String.class, Set.of("length", "isEmpty", "isBlank", "startsWith", "endsWith", "contains", "equals",
				"equalsIgnoreCase", "compareTo", "trim", "strip"));
		Set<String> numbers = Set.of("intValue", "longValue", "doubleValue", "compareTo", "equals");
		for (Class<?> number : List.of(Integer.class, Long.class, Double.class, Number.class)) {
			METHODS.put(number, numbers);
		}
		METHODS.put(Boolean.class, Set.of("booleanValue", "equals"));
		METHODS.put(BigDecimal.class, Set.of("add", "subtract", "multiply", "negate", "abs", "compareTo", "signum",
				"max", "min", "equals", "intValue", "longValue", "doubleValue"));
		METHODS.put(LocalDate.class,
				Set.of("isBefore", "isAfter", "isEqual", "plusDays", "minusDays", "plusWeeks", "minusWeeks",
						"plusMonths", "minusMonths", "plusYears", "minusYears", "getYear", "getMonthValue",
						"getDayOfMonth", "compareTo", "equals"));
		Set<String> collections = Set.of("isEmpty", "size", "contains", "containsAll", "equals");
		METHODS.put(Collection.class, collections);
		METHODS.put(Set.class, collections);
		METHODS.put(List.class, Set.of("isEmpty", "size", "contains", "containsAll", "equals", "get"));
		METHODS.put(Map.class, Set.of("isEmpty", "size", "containsKey", "get", "getOrDefault"));
	}

	private final String file;

	private final String text;

	private final List<RuleError> errors = new ArrayList<>();

	/** Simple names of the types this file imported. */
	private final Map<String, Class<?>> imported = new LinkedHashMap<>();

	private RuleAllowList(String file, String text) {
		this.file = file;
		this.text = text;
	}

	/** Every refusal in the file, in file order; empty when the file is accepted. */
	static List<RuleError> check(String file, String text) {
		List<RuleError> unreadable = RuleFileLimits.check(file, text);
		if (!unreadable.isEmpty()) {
			return unreadable;
		}
		RuleAllowList check = new RuleAllowList(file, text);
		check.run();
		check.errors.sort(java.util.Comparator.comparingInt(RuleError::line));
		return List.copyOf(check.errors);
	}

	private void run() {
		checkEscapes();
		DrlParser parser = new DrlParser();
		PackageDescr pkg;
		try {
			pkg = parser.parse(false, new StringReader(this.text));
		}
		catch (DroolsParserException ex) {
			refuse(0, "rules.refused.syntax", firstLine(ex.getMessage()));
			return;
		}
		for (DroolsError error : parser.getErrors()) {
			int[] lines = error.getLines();
			refuse(lines.length > 0 ? lines[0] : 0, "rules.refused.syntax", firstLine(error.getMessage()));
		}
		if (pkg == null || parser.hasErrors()) {
			return;
		}
		checkPackage(pkg);
		for (RuleDescr rule : pkg.getRules()) {
			checkRule(rule);
		}
	}

	/**
	 * Java reads a backslash-u escape before anything else, even inside a comment or a
	 * string ({@code \u0022} ends a string, {@code \u000a} ends a comment), so the text a
	 * parser here checks and the text the compiler runs could differ: refused anywhere.
	 */
	private void checkEscapes() {
		int line = 1;
		for (int i = 0; i < this.text.length(); i++) {
			char c = this.text.charAt(i);
			if (c == '\n') {
				line++;
			}
			else if (c == '\\' && i + 1 < this.text.length() && this.text.charAt(i + 1) == 'u') {
				refuse(line, "rules.refused.unicodeEscape", snippet(this.text.substring(i, i + 2)));
			}
		}
	}

	private void checkPackage(PackageDescr pkg) {
		for (ImportDescr imported : pkg.getImports()) {
			Class<?> type = IMPORTS.get(imported.getTarget());
			if (type == null) {
				refuse(imported.getLine(), "rules.refused.import", imported.getTarget());
			}
			else {
				this.imported.put(type.getSimpleName(), type);
			}
		}
		pkg.getFunctionImports()
			.forEach(d -> refuse(d.getLine(), "rules.refused.declaration", "import function / import static"));
		pkg.getAccumulateImports().forEach(d -> refuse(d.getLine(), "rules.refused.declaration", "import accumulate"));
		pkg.getFunctions().forEach(d -> refuse(d.getLine(), "rules.refused.declaration", "function " + d.getName()));
		pkg.getGlobals().forEach(d -> refuse(d.getLine(), "rules.refused.declaration", "global " + d.getIdentifier()));
		pkg.getTypeDeclarations()
			.forEach(d -> refuse(d.getLine(), "rules.refused.declaration", "declare " + d.getTypeName()));
		pkg.getEnumDeclarations()
			.forEach(d -> refuse(d.getLine(), "rules.refused.declaration", "declare enum " + d.getTypeName()));
		pkg.getEntryPointDeclarations()
			.forEach(d -> refuse(d.getLine(), "rules.refused.declaration", "declare entry-point"));
		pkg.getWindowDeclarations().forEach(d -> refuse(d.getLine(), "rules.refused.declaration", "declare window"));
		pkg.getAttributes().forEach(d -> refuse(d.getLine(), "rules.refused.attribute", d.getName()));
		if (pkg.getUnit() != null) {
			refuse(pkg.getUnit().getLine(), "rules.refused.declaration", "unit");
		}
	}

	private void checkRule(RuleDescr rule) {
		if (rule instanceof QueryDescr) {
			refuse(rule.getLine(), "rules.refused.declaration", "query " + rule.getName());
			return;
		}
		if (rule.getParentName() != null) {
			refuse(rule.getLine(), "rules.refused.declaration", "extends " + rule.getParentName());
		}
		rule.getAttributes().values().forEach(a -> refuse(a.getLine(), "rules.refused.attribute", a.getName()));
		if (!rule.getNamedConsequences().isEmpty()) {
			refuse(rule.getLine(), "rules.refused.element", "then[...]");
		}
		Map<String, Class<?>> bindings = new LinkedHashMap<>();
		List<PatternDescr> patterns = new ArrayList<>();
		collectPatterns(rule.getLhs(), bindings, patterns);
		for (PatternDescr pattern : patterns) {
			Class<?> type = PATTERN_TYPES.get(pattern.getObjectType());
			for (BaseDescr constraint : pattern.getDescrs()) {
				if (constraint instanceof ExprConstraintDescr expression) {
					checkConstraint(expression, type, bindings);
				}
				else {
					refuse(constraint.getLine(), "rules.refused.element", snippet(constraint.getText()));
				}
			}
		}
		boolean readsProject = patterns.stream().anyMatch(p -> "ProjectFacts".equals(p.getObjectType()));
		boolean writesCall = patterns.stream().anyMatch(p -> "CallFindings".equals(p.getObjectType()));
		if (readsProject && writesCall) {
			refuse(rule.getLine(), "rules.refused.projectToCallFindings", rule.getName());
		}
		checkConsequence(rule, bindings);
	}

	/** Patterns, through and/or/not/exists only; anything else is refused. */
	private void collectPatterns(BaseDescr descr, Map<String, Class<?>> bindings, List<PatternDescr> patterns) {
		if (descr instanceof AndDescr || descr instanceof OrDescr || descr instanceof NotDescr
				|| descr instanceof ExistsDescr) {
			for (BaseDescr child : ((org.drools.drl.ast.descr.ConditionalElementDescr) descr).getDescrs()) {
				collectPatterns(child, bindings, patterns);
			}
			return;
		}
		if (!(descr instanceof PatternDescr pattern)) {
			refuse(descr.getLine(), "rules.refused.element", elementName(descr));
			return;
		}
		if (pattern.getSource() != null) {
			refuse(pattern.getLine(), "rules.refused.element", elementName(pattern.getSource()));
			return;
		}
		Class<?> type = this.imported.get(pattern.getObjectType()) == null ? null
				: PATTERN_TYPES.get(pattern.getObjectType());
		if (type == null || pattern.isQuery() || !pattern.getBehaviors().isEmpty()) {
			refuse(pattern.getLine(), "rules.refused.factType", pattern.getObjectType());
			return;
		}
		if (pattern.getIdentifier() != null) {
			bindings.put(pattern.getIdentifier(), type);
		}
		patterns.add(pattern);
	}

	private static String elementName(BaseDescr descr) {
		String name = descr.getClass().getSimpleName().replace("Descr", "");
		return name.isEmpty() ? descr.getClass().getName() : name.toLowerCase(java.util.Locale.ROOT);
	}

	private void checkConstraint(ExprConstraintDescr constraint, Class<?> type, Map<String, Class<?>> bindings) {
		int line = constraint.getLine();
		Expression parsed;
		try {
			parsed = DrlxParser.parseExpression(DrlxParser.buildDrlxParserWithArguments(List.of()),
					constraint.getExpression());
		}
		catch (RuntimeException ex) {
			refuse(line, "rules.refused.expression", snippet(constraint.getExpression()));
			return;
		}
		Scope scope = new Scope(constraint.getExpression(), line, type, bindings, false);
		scope.rootLine = parsed.getRange().map(range -> range.begin.line).orElse(1);
		scope.type(parsed);
	}

	private void checkConsequence(RuleDescr rule, Map<String, Class<?>> bindings) {
		String consequence = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
		int line = consequenceLine(rule, consequence);
		ParserConfiguration configuration = new ParserConfiguration()
			.setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
			.setPreprocessUnicodeEscapes(false)
			.setAttributeComments(false);
		// The line break before the closing brace keeps a trailing // comment from
		// swallowing it.
		ParseResult<BlockStmt> result = new JavaParser(configuration).parseBlock("{" + consequence + "\n}");
		int unbalanced = closingBraceLine(consequence);
		if (unbalanced > 0) {
			refuse(line + unbalanced - 1, "rules.refused.consequence", "}");
			return;
		}
		if (!result.isSuccessful() || result.getResult().isEmpty()) {
			for (Problem problem : result.getProblems()) {
				int at = problem.getLocation()
					.flatMap(location -> location.getEnd().getRange())
					.map(range -> range.begin.line)
					.orElse(1);
				// The parser's own message lists tokens; the line as written says more.
				String[] written = ("{" + consequence).split("\n", -1);
				refuse(line + at - 1, "rules.refused.consequenceSyntax", snippet(at >= 1 && at <= written.length
						? written[at - 1].replace("{", "").strip().isEmpty() ? problem.getMessage() : written[at - 1]
						: problem.getMessage()));
			}
			return;
		}
		Scope scope = new Scope("{" + consequence + "\n}", line, null, bindings, true);
		for (Statement statement : result.getResult().get().getStatements()) {
			if (!(statement instanceof ExpressionStmt expression)
					|| !(expression.getExpression() instanceof MethodCallExpr call)
					|| !FINDINGS_CALLS.contains(call.getNameAsString())) {
				scope.refuse(statement, "rules.refused.consequence", scope.text(statement));
				continue;
			}
			scope.type(call);
		}
	}

	/**
	 * The line (from 1) where a brace closes more than the consequence opened, or 0. Such
	 * a brace would end the method Drools wraps the consequence in, and what follows
	 * would be class members (a static initializer runs on loading): named at its line,
	 * where the Java parser only says the block does not end where it should.
	 */
	static int closingBraceLine(String consequence) {
		int depth = 0;
		int line = 1;
		for (int i = 0; i < consequence.length(); i++) {
			char c = consequence.charAt(i);
			if (c == '\n') {
				line++;
			}
			else if (c == '"' || c == '\'') {
				i++;
				while (i < consequence.length() && consequence.charAt(i) != c && consequence.charAt(i) != '\n') {
					i += consequence.charAt(i) == '\\' ? 2 : 1;
				}
				if (i < consequence.length() && consequence.charAt(i) == '\n') {
					line++;
				}
			}
			else if (c == '/' && i + 1 < consequence.length() && consequence.charAt(i + 1) == '/') {
				while (i + 1 < consequence.length() && consequence.charAt(i + 1) != '\n') {
					i++;
				}
			}
			else if (c == '/' && i + 1 < consequence.length() && consequence.charAt(i + 1) == '*') {
				int end = consequence.indexOf("*/", i + 2);
				int stop = end < 0 ? consequence.length() : end + 1;
				for (int j = i; j < stop; j++) {
					if (consequence.charAt(j) == '\n') {
						line++;
					}
				}
				i = stop;
			}
			else if (c == '{') {
				depth++;
			}
			else if (c == '}' && --depth < 0) {
				return line;
			}
		}
		return 0;
	}

	/**
	 * The line the consequence starts at: where its text is found after the rule's
	 * {@code then} (the parser gives that line, not always the offset of the text).
	 */
	private int consequenceLine(RuleDescr rule, String consequence) {
		int from = rule.getConsequenceOffset();
		if (from <= 0 || from > this.text.length()) {
			from = offsetOfLine(Math.max(rule.getConsequenceLine(), 1));
		}
		int start = this.text.indexOf(consequence.strip(), from);
		if (start < 0) {
			return Math.max(rule.getConsequenceLine(), 1);
		}
		return lineAt(start) - countLeadingLines(consequence);
	}

	private int offsetOfLine(int line) {
		int offset = 0;
		for (int current = 1; current < line && offset >= 0; current++) {
			offset = this.text.indexOf('\n', offset);
			offset = offset < 0 ? -1 : offset + 1;
		}
		return Math.max(offset, 0);
	}

	private static int countLeadingLines(String consequence) {
		int lines = 0;
		for (int i = 0; i < consequence.length() && Character.isWhitespace(consequence.charAt(i)); i++) {
			if (consequence.charAt(i) == '\n') {
				lines++;
			}
		}
		return lines;
	}

	private int lineAt(int offset) {
		int line = 1;
		for (int i = 0; i < offset && i < this.text.length(); i++) {
			if (this.text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	private void refuse(int line, String code, Object... args) {
		this.errors.add(RuleError.refused(this.file, line, code, args));
	}

	/** The first line of a parser's message (some carry a whole stack trace). */
	private static String firstLine(String message) {
		String text = message == null ? "" : message.strip();
		int end = text.indexOf('\n');
		String line = end < 0 ? text : text.substring(0, end);
		return line.length() > 200 ? line.substring(0, 197) + "..." : line;
	}

	private static String snippet(String text) {
		String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
		return flat.length() > 80 ? flat.substring(0, 77) + "..." : flat;
	}

	private static Map<String, Class<?>> byName(Class<?>... types) {
		Map<String, Class<?>> names = new LinkedHashMap<>();
		for (Class<?> type : types) {
			names.put(type.getSimpleName(), type);
		}
		return Map.copyOf(names);
	}

	/** Public instance methods a fact type declares itself (accessors included). */
	private static Set<String> declaredMethods(Class<?> type) {
		return Arrays.stream(type.getDeclaredMethods())
			.filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()
					&& !m.isBridge())
			.map(Method::getName)
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

	/** A static type name used as the target of a listed static call. */
	private record TypeName(String name) {
	}

	/**
	 * Checks one expression tree and works out the type of each node, so a method is
	 * looked up on the type it is called on. Only the node kinds below are accepted.
	 */
	private final class Scope {

		/** The text parsed, to quote what is refused as it was written. */
		private final String source;

		private final int firstLine;

		/** The parser's number for the first line of the text. */
		private int rootLine = 1;

		/** The fact type whose properties bare names refer to (constraints), or null. */
		private final Class<?> pattern;

		private final Map<String, Class<?>> bindings;

		private final boolean consequence;

		Scope(String source, int firstLine, Class<?> pattern, Map<String, Class<?>> bindings, boolean consequence) {
			this.source = source;
			this.firstLine = firstLine;
			this.pattern = pattern;
			this.bindings = bindings;
			this.consequence = consequence;
		}

		/** The type of the expression, or null when refused (reported once). */
		Object type(Expression expression) {
			if (expression instanceof DrlxExpression drlx) {
				if (drlx.getBind() != null) {
					return refuse(drlx, "rules.refused.construct", text(drlx));
				}
				return type(drlx.getExpr());
			}
			if (expression instanceof EnclosedExpr enclosed) {
				return type(enclosed.getInner());
			}
			if (expression instanceof StringLiteralExpr) {
				return String.class;
			}
			if (expression instanceof IntegerLiteralExpr) {
				return Integer.class;
			}
			if (expression instanceof LongLiteralExpr) {
				return Long.class;
			}
			if (expression instanceof DoubleLiteralExpr) {
				return Double.class;
			}
			if (expression instanceof BigDecimalLiteralExpr) {
				return BigDecimal.class;
			}
			if (expression instanceof BooleanLiteralExpr) {
				return Boolean.class;
			}
			if (expression instanceof NullLiteralExpr) {
				return Object.class;
			}
			if (expression instanceof NameExpr name) {
				return name(name);
			}
			if (expression instanceof FieldAccessExpr field) {
				return property(field);
			}
			if (expression instanceof MethodCallExpr call) {
				return call(call);
			}
			if (expression instanceof BinaryExpr binary) {
				return binary(binary);
			}
			if (expression instanceof UnaryExpr unary) {
				if (unary.getOperator() != UnaryExpr.Operator.LOGICAL_COMPLEMENT
						&& unary.getOperator() != UnaryExpr.Operator.MINUS
						&& unary.getOperator() != UnaryExpr.Operator.PLUS) {
					return refuse(unary, "rules.refused.construct", text(unary));
				}
				return type(unary.getExpression());
			}
			if (expression instanceof ConditionalExpr conditional) {
				type(conditional.getCondition());
				Object then = type(conditional.getThenExpr());
				type(conditional.getElseExpr());
				return then;
			}
			if (expression instanceof PointFreeExpr pointFree && !this.consequence) {
				if (!POINT_FREE.contains(pointFree.getOperator().asString()) || pointFree.getArg1() != null
						|| pointFree.getArg2() != null || pointFree.getArg3() != null || pointFree.getArg4() != null) {
					return refuse(pointFree, "rules.refused.construct", text(pointFree));
				}
				type(pointFree.getLeft());
				pointFree.getRight().forEach(this::type);
				return Boolean.class;
			}
			if (expression instanceof HalfBinaryExpr half && !this.consequence) {
				type(half.getRight());
				return Boolean.class;
			}
			return refuse(expression, "rules.refused.construct", text(expression));
		}

		private Object name(NameExpr name) {
			String identifier = name.getNameAsString();
			if (name instanceof DrlNameExpr drl && drl.getBackReferencesCount() > 0) {
				return refuse(name, "rules.refused.construct", text(name));
			}
			Class<?> bound = this.bindings.get(identifier);
			if (bound != null) {
				return bound;
			}
			if (this.pattern != null) {
				Class<?> property = propertyType(this.pattern, identifier);
				if (property != null) {
					return property;
				}
			}
			if (STATICS.containsKey(identifier) && RuleAllowList.this.imported.containsKey(identifier)) {
				return new TypeName(identifier);
			}
			return refuse(name, "rules.refused.name", identifier);
		}

		private Object property(FieldAccessExpr field) {
			Object scope = type(field.getScope());
			if (scope == null) {
				return null;
			}
			Class<?> property = scope instanceof Class<?> type ? propertyType(type, field.getNameAsString()) : null;
			if (property == null) {
				return refuse(field, "rules.refused.property", text(field));
			}
			return property;
		}

		private Object call(MethodCallExpr call) {
			if (call.getTypeArguments().isPresent()) {
				return refuse(call, "rules.refused.construct", text(call));
			}
			if (this.consequence && isRuleName(call)) {
				return String.class;
			}
			String method = call.getNameAsString();
			Object target;
			if (call.getScope().isEmpty()) {
				if (this.pattern == null) {
					return refuse(call, "rules.refused.call", method);
				}
				target = this.pattern;
			}
			else {
				target = type(call.getScope().get());
				if (target == null) {
					return null;
				}
			}
			for (Expression argument : call.getArguments()) {
				type(argument);
			}
			if (target instanceof TypeName typeName) {
				if (!STATICS.get(typeName.name()).contains(method)) {
					return refuse(call, "rules.refused.call", typeName.name() + "." + method);
				}
				return RuleAllowList.this.imported.get(typeName.name());
			}
			Class<?> type = (Class<?>) target;
			Method found = allowedMethod(type, method, call.getArguments().size());
			if (found == null) {
				return refuse(call, "rules.refused.call", type.getSimpleName() + "." + method);
			}
			return boxed(found.getReturnType());
		}

		/** {@code drools.getRule().getName()}, the only use of {@code drools}. */
		private boolean isRuleName(MethodCallExpr call) {
			return call.getNameAsString().equals("getName") && call.getArguments().isEmpty()
					&& call.getScope().orElse(null) instanceof MethodCallExpr rule
					&& rule.getNameAsString().equals("getRule") && rule.getArguments().isEmpty()
					&& rule.getScope().orElse(null) instanceof NameExpr drools
					&& drools.getNameAsString().equals("drools") && !this.bindings.containsKey("drools");
		}

		private Object binary(BinaryExpr binary) {
			Object left = type(binary.getLeft());
			Object right = type(binary.getRight());
			if (!OPERATORS.contains(binary.getOperator())) {
				return refuse(binary, "rules.refused.construct", binary.getOperator().asString());
			}
			switch (binary.getOperator()) {
				case PLUS:
					return left == String.class || right == String.class ? String.class : arithmetic(left, right);
				case MINUS:
				case MULTIPLY:
				case DIVIDE:
				case REMAINDER:
					return arithmetic(left, right);
				default:
					return Boolean.class;
			}
		}

		private Object arithmetic(Object left, Object right) {
			return left == BigDecimal.class || right == BigDecimal.class ? BigDecimal.class : Double.class;
		}

		/**
		 * A node as written, cut from the parsed text by its range (Drools' own nodes
		 * cannot be printed by the Java parser's printer).
		 */
		String text(Node node) {
			return node.getRange().map(range -> {
				int begin = offset(range.begin.line, range.begin.column);
				int end = offset(range.end.line, range.end.column) + 1;
				return begin >= 0 && end <= this.source.length() && begin < end
						? snippet(this.source.substring(begin, end)) : node.getClass().getSimpleName();
			}).orElse(node.getClass().getSimpleName());
		}

		private int offset(int line, int column) {
			int offset = 0;
			for (int current = 1; current < line; current++) {
				offset = this.source.indexOf('\n', offset);
				if (offset < 0) {
					return -1;
				}
				offset++;
			}
			return offset + column - 1;
		}

		private Object refuse(Node node, String code, Object... args) {
			// Relative to the root's line: Drools' expression parser and the Java parser
			// do not count lines from the same base.
			int line = node.getRange().map(range -> range.begin.line).orElse(this.rootLine);
			RuleAllowList.this.refuse(this.firstLine + line - this.rootLine, code, args);
			return null;
		}

	}

	/**
	 * The type of a property: an accessor {@code name()}, {@code getName()},
	 * {@code isName()}.
	 */
	private static Class<?> propertyType(Class<?> type, String name) {
		String capitalized = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
		for (String accessor : List.of(name, "get" + capitalized, "is" + capitalized)) {
			Method method = allowedMethod(type, accessor, 0);
			if (method != null) {
				return boxed(method.getReturnType());
			}
		}
		return null;
	}

	/** A public instance method on the list for that type, taking that many arguments. */
	private static Method allowedMethod(Class<?> type, String name, int arguments) {
		Set<String> allowed = METHODS.get(type);
		if (allowed == null || !allowed.contains(name)) {
			return null;
		}
		for (Method method : type.getMethods()) {
			if (method.getName().equals(name) && !Modifier.isStatic(method.getModifiers())
					&& (method.getParameterCount() == arguments
							|| method.isVarArgs() && arguments >= method.getParameterCount() - 1)) {
				return method;
			}
		}
		return null;
	}

	private static Class<?> boxed(Class<?> type) {
		if (type == boolean.class) {
			return Boolean.class;
		}
		if (type == int.class) {
			return Integer.class;
		}
		if (type == long.class) {
			return Long.class;
		}
		if (type == double.class) {
			return Double.class;
		}
		if (type == void.class) {
			return Void.class;
		}
		return type;
	}

}
