package pe.gob.munlima.convoca;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.util.FileSystemUtils;

/**
 * Headless Chromium driven by Selenium, for browser tests against the running
 * application. It uses Debian's {@code chromium} and {@code chromedriver} (a test tool's
 * own browser download does not work here): {@code CHROME_BIN} and {@code CHROMEDRIVER}
 * override their paths. Without them the test fails, saying how to install them;
 * {@code .ci/run} installs them.
 */
public final class Browser implements AutoCloseable {

	/**
	 * Screenshots of the main pages, kept in the repository and refreshed by the tests.
	 */
	public static final Path SCREENSHOTS = Path.of("docs", "screenshots");

	private static final Duration WAIT = Duration.ofSeconds(15);

	/** Tall enough for the main pages, small enough to keep the repository light. */
	private static final int SCREENSHOT_MAX_HEIGHT = 2400;

	private final ChromeDriver driver;

	private final Path profile;

	private final int port;

	private Browser(ChromeDriver driver, Path profile, int port) {
		this.driver = driver;
		this.profile = profile;
		this.port = port;
	}

	/**
	 * Starts a fresh headless Chromium (new, empty profile) for the application on port.
	 */
	public static Browser start(int port) {
		File chromium = executable("CHROME_BIN", "/usr/bin/chromium");
		File chromedriver = executable("CHROMEDRIVER", "/usr/bin/chromedriver");
		try {
			Path profile = Files.createTempDirectory("convoca-chromium");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(chromium);
			// The flags that work on this machine: no sandbox as root, and nothing that
			// reaches the (closed) network on its own.
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900",
					// An English browser: Convoca's pages must still open in Spanish.
					"--lang=en-US");
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
				.usingAnyFreePort()
				.build();
			return new Browser(new ChromeDriver(service, options), profile, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static File executable(String variable, String fallback) {
		String configured = System.getenv(variable);
		File file = new File(configured == null || configured.isBlank() ? fallback : configured);
		if (!file.canExecute()) {
			throw new IllegalStateException("Browser tests need Debian's Chromium and its driver: " + file
					+ " is missing. Install them with `apt-get install -y chromium chromium-driver` "
					+ "(.ci/run does), or point " + variable + " at them.");
		}
		return file;
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	/** Opens a path of the application, e.g. {@code /login}. */
	public Browser open(String path) {
		this.driver.get("http://localhost:" + this.port + path);
		return this;
	}

	/** Logs in through the login page, as a user would. */
	public Browser logIn(String username, String password) {
		open("/login");
		type("#username", username);
		type("#password", password);
		click("#login-submit");
		return this;
	}

	/** Logs in and waits for the Panel. */
	public Browser logInAs(String username, String password) {
		logIn(username, password);
		waitFor("main.panel");
		return this;
	}

	public Browser logOut() {
		click("form.logout button");
		waitFor("main.login");
		return this;
	}

	/** Forgets the session and the language cookie, as a new visitor. */
	public Browser forget() {
		this.driver.manage().deleteAllCookies();
		return this;
	}

	public WebElement waitFor(String css) {
		return new WebDriverWait(this.driver, WAIT)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	public String text(String css) {
		return waitFor(css).getText();
	}

	public List<String> texts(String css) {
		return this.driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
	}

	public void type(String css, String text) {
		WebElement field = waitFor(css);
		field.clear();
		field.sendKeys(text);
	}

	public void click(String css) {
		new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)))
			.click();
	}

	/** Chooses the option of a select by its value. */
	public void select(String css, String value) {
		new org.openqa.selenium.support.ui.Select(waitFor(css)).selectByValue(value);
	}

	/** Ticks a checkbox (once: a ticked one stays ticked). */
	public void check(String css) {
		WebElement box = waitFor(css);
		if (!box.isSelected()) {
			box.click();
		}
	}

	/**
	 * Replaces the text of a field at once, as a paste would: typing a whole rule file
	 * key by key would take the test minutes.
	 */
	public void fill(String css, String text) {
		WebElement field = waitFor(css);
		this.driver.executeScript("arguments[0].value = arguments[1];", field, text);
	}

	/** The current value of a field. */
	public String value(String css) {
		return waitFor(css).getDomProperty("value");
	}

	public int count(String css) {
		return this.driver.findElements(By.cssSelector(css)).size();
	}

	/** Waits until {@code css} matches at least {@code n} elements. */
	public void waitForCount(String css, int n) {
		new WebDriverWait(this.driver, WAIT).until(driver -> driver.findElements(By.cssSelector(css)).size() >= n);
	}

	/** Whether a JavaScript alert, confirm or prompt is open. */
	public boolean alertShown() {
		try {
			this.driver.switchTo().alert();
			return true;
		}
		catch (org.openqa.selenium.NoAlertPresentException ex) {
			return false;
		}
	}

	/** The path of the page shown, e.g. {@code /login}. */
	public String path() {
		return java.net.URI.create(this.driver.getCurrentUrl()).getPath();
	}

	/**
	 * Saves the whole page as {@code docs/screenshots/<name>.png}: the window grows to
	 * the page's height (up to {@value #SCREENSHOT_MAX_HEIGHT} pixels) for the picture,
	 * then goes back to its size.
	 */
	public Path screenshot(String name) {
		Dimension size = this.driver.manage().window().getSize();
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			long height = ((Number) this.driver.executeScript("return document.documentElement.scrollHeight"))
				.longValue();
			int wanted = (int) Math.min(SCREENSHOT_MAX_HEIGHT, Math.max(size.getHeight(), height + 140));
			this.driver.manage().window().setSize(new Dimension(size.getWidth(), wanted));
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.driver.manage().window().setSize(size);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(this.profile.toFile());
		}
	}

}
