package dev.wengert.cli;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import dev.wengert.mixed.FitResult;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code wengert fit --plot}: the data with the fitted curve above, the residuals below, drawn
 * with XChart — as SVG (through VectorGraphics2D) or PNG. With one data column in the model the
 * horizontal axis is that column and the curve is the model on a fine grid; otherwise it is the
 * observation number and the fitted values are points.
 */
final class FitPlot {

    private static final int WIDTH = 760;
    private static final int TOP = 400;
    private static final int BOTTOM = 240;

    private FitPlot() {
    }

    static void write(Path file, Formula formula, DataFile data, FitResult r) {
        System.setProperty("java.awt.headless", "true");
        List<XYChart> charts = charts(formula, data, r);
        try (OutputStream out = Files.newOutputStream(file)) {
            if (file.toString().endsWith(".svg")) {
                VectorGraphics2D g = new VectorGraphics2D();
                paint(g, charts);
                new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, WIDTH, TOP + BOTTOM)).writeTo(out);
            } else {
                BufferedImage image = new BufferedImage(WIDTH, TOP + BOTTOM, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                paint(g, charts);
                g.dispose();
                ImageIO.write(image, "png", out);
            }
        } catch (IOException e) {
            throw new UserError("cannot write the plot " + file + ": " + e.getMessage());
        }
    }

    private static void paint(Graphics2D g, List<XYChart> charts) {
        AffineTransform base = g.getTransform();
        charts.get(0).paint(g, WIDTH, TOP);
        g.setTransform(base);
        g.translate(0, TOP);
        charts.get(1).paint(g, WIDTH, BOTTOM);
        g.setTransform(base);
    }

    static List<XYChart> charts(Formula formula, DataFile data, FitResult r) {
        java.util.Map<String, double[]> columns = data.columnMap();
        int m = data.rows().length;
        double[] y = formula.responseValues(columns, m);
        List<String> vars = formula.model().variables();
        List<String> regressors = vars.stream().filter(columns::containsKey).toList();
        double[] b = r.estimates();
        double[] fitted = new double[m];
        for (int i = 0; i < m; i++) {
            final int row = i;
            fitted[i] = eval(formula, r, b, name -> columns.get(name)[row]);
        }
        boolean oneX = regressors.size() == 1;
        String xName = oneX ? regressors.get(0) : "observation";
        double[] x = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = oneX ? columns.get(xName)[i] : i + 1;
        }
        String response = formula.text().contains("~") ? formula.text().substring(0, formula.text().indexOf('~')).trim() : "y";
        XYChart top = new XYChartBuilder().width(WIDTH).height(TOP).title(title(data, formula))
                .xAxisTitle(xName).yAxisTitle(response).build();
        XYChart bottom = new XYChartBuilder().width(WIDTH).height(BOTTOM).title("residuals")
                .xAxisTitle(xName).yAxisTitle(response + " - fit").build();
        for (XYChart c : List.of(top, bottom)) {
            c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE).setChartBackgroundColor(Color.WHITE)
                    .setMarkerSize(6).setChartTitleBoxVisible(false);
            c.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        }
        XYSeries obs = top.addSeries("data", x, y);
        obs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.CIRCLE);
        if (oneX) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : x) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            int k = 400;
            double[] gx = new double[k];
            double[] gy = new double[k];
            for (int i = 0; i < k; i++) {
                gx[i] = lo + (hi - lo) * i / (k - 1);
                final double xv = gx[i];
                gy[i] = eval(formula, r, b, name -> xv);
            }
            top.addSeries("fit", gx, gy).setMarker(SeriesMarkers.NONE).setLineColor(new Color(200, 40, 40));
        } else {
            top.addSeries("fit", x, fitted).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter)
                    .setMarker(SeriesMarkers.CROSS);
        }
        double[] res = new double[m];
        for (int i = 0; i < m; i++) {
            res[i] = y[i] - fitted[i];
        }
        bottom.addSeries("residual", x, res).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter)
                .setMarker(SeriesMarkers.DIAMOND);
        bottom.getStyler().setLegendVisible(false);
        return List.of(top, bottom);
    }

    private static String title(DataFile data, Formula formula) {
        String name = data.nist() != null ? "NIST " + data.nist().name() : data.path().getFileName().toString();
        String model = formula.text().replace("\n", "; ");
        return model.length() <= 70 ? name + ": " + model : name + ": data and fitted model";
    }

    private static double eval(Formula formula, FitResult r, double[] b, java.util.function.ToDoubleFunction<String> column) {
        List<String> vars = formula.model().variables();
        double[] args = new double[vars.size()];
        for (int v = 0; v < args.length; v++) {
            int j = r.parameters().indexOf(vars.get(v));
            args[v] = j >= 0 ? b[j] : column.applyAsDouble(vars.get(v));
        }
        return formula.model().value(args)[0];
    }
}
