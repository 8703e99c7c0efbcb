package io.newsframe.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.newsframe.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFilesTest {
  @TempDir Path dir;

  private static FileSystem local() throws IOException {
    return FileSystem.get(java.net.URI.create("file:///"), SharedSpark.session().sparkContext().hadoopConfiguration());
  }

  @Test
  void theSessionsLocalFileSystemIsThisOne() throws IOException {
    assertInstanceOf(LocalFiles.class, local());
  }

  /** The modes Hadoop's chmod would have set: asked-for permissions, and the umask on created files. */
  @Test
  void filesAndFoldersGetTheModesHadoopAsksFor() throws IOException {
    FileSystem fs = local();
    org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(dir.resolve("private").toUri());
    fs.mkdirs(folder, new FsPermission((short) 0700));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("private"))));
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(folder, "data.txt");
    try (var out = fs.create(file)) {
      out.writeBytes("one line\n");
    }
    FsPermission expected = FsPermission.getFileDefault().applyUMask(FsPermission.getUMask(fs.getConf()));
    assertEquals(expected.toString(),
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("private/data.txt"))));
    fs.setPermission(file, new FsPermission((short) 0640));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("private/data.txt"))));
    assertEquals("one line\n", Files.readString(dir.resolve("private/data.txt")));
  }
}
