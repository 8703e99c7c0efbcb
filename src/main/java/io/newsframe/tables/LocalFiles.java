package io.newsframe.tables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file:}) setting permissions through java.nio. Without Hadoop's
 * native library, which no Maven artifact ships, {@link RawLocalFileSystem} forks a {@code chmod}
 * process for every file and folder it creates: about a thousand per run on any batch (Iceberg
 * metadata and version hints, Spark's commit folders, saved models), measured with JFR's
 * jdk.ProcessStart events. The files, their checksums and their modes stay what Hadoop writes.
 */
public final class LocalFiles extends LocalFileSystem {
  /** The Spark setting that puts this class behind {@code file:} URIs, in the driver and every executor. */
  public static final Map<String, String> SPARK_CONF = Map.of("spark.hadoop.fs.file.impl", LocalFiles.class.getName());

  public LocalFiles() {
    super(new NioPermissions());
  }

  /** The raw file system whose permission changes are a system call, not a process. */
  static final class NioPermissions extends RawLocalFileSystem {
    @Override
    public void setPermission(Path path, FsPermission permission) throws IOException {
      // java.nio has no sticky bit, and a file system without POSIX modes (Windows) needs Hadoop's own way.
      if (permission.getStickyBit()) {
        super.setPermission(path, permission);
        return;
      }
      try {
        Files.setPosixFilePermissions(pathToFile(path).toPath(), posix(permission));
      } catch (UnsupportedOperationException e) {
        super.setPermission(path, permission);
      }
    }

    static Set<PosixFilePermission> posix(FsPermission permission) {
      Set<PosixFilePermission> modes = EnumSet.noneOf(PosixFilePermission.class);
      add(modes, permission.getUserAction(), PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE);
      add(modes, permission.getGroupAction(), PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE);
      add(modes, permission.getOtherAction(), PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);
      return modes;
    }

    private static void add(Set<PosixFilePermission> modes, FsAction action, PosixFilePermission read,
        PosixFilePermission write, PosixFilePermission execute) {
      if (action.implies(FsAction.READ)) {
        modes.add(read);
      }
      if (action.implies(FsAction.WRITE)) {
        modes.add(write);
      }
      if (action.implies(FsAction.EXECUTE)) {
        modes.add(execute);
      }
    }
  }
}
