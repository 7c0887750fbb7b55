package org.newsroom.launcher;

public final class NewsroomLauncher {
    public static void main(String[] args) {
    }
}
