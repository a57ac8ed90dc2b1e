import io.github.nicegather.IceApi;
import io.github.nicegather.IceGatherOptions;
import io.github.nicegather.IceGatherer;
import io.github.nicegather.NiceGather;
import java.util.concurrent.TimeUnit;

/** What a user's first program does: gather host candidates and print them. */
public class Consumer {
  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    String engine = NiceGather.engineVersion();
    System.out.printf("engine %s, first load %.0f ms%n", engine, (System.nanoTime() - start) / 1e6);
    IceGatherOptions options = IceGatherOptions.builder().build();
    try (IceGatherer gatherer = IceApi.create().newIceGatherer(options)) {
      gatherer.gather();
      gatherer.gatheringComplete().get(10, TimeUnit.SECONDS).forEach(System.out::println);
    }
  }
}
